package io.delaynet.stepped.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delaynet.stepped.neuron.AlphaKernel;
import org.junit.jupiter.api.Test;

class LossTest {
    private static final int T = 10;
    private static final int K = 3;

    @Test
    void spikeTimeLossIsZeroOnTheTargetAndCountsAStraySpike() {
        SpikeTimeLoss loss = new SpikeTimeLoss(new AlphaKernel(10, 1), 6);
        double[] s = new double[T * K];
        for (int t = 0; t < 6; t++) {
            s[t * K + 1] = 1;
        }
        assertEquals(0.0, loss.evaluate(s, T, K, 1, null), 1e-15);
        s[4 * K + 2] = 1; // one stray spike at step 4 on a silent neuron
        double expected = 0;
        for (int m = 0; m < T - 4; m++) {
            double e = m / 10.0 * Math.exp(1 - m / 10.0);
            expected += 0.5 * e * e;
        }
        assertEquals(expected, loss.evaluate(s, T, K, 1, null), 1e-12);
    }

    @Test
    void spikeTimeGradientPushesTowardsTheTarget() {
        SpikeTimeLoss loss = new SpikeTimeLoss(new AlphaKernel(10, 1), 10);
        double[] s = new double[T * K];
        s[2 * K] = 1;
        double[] g = new double[T * K];
        loss.evaluate(s, T, K, 1, g);
        assertEquals(true, g[2 * K] > 0, "stray spike on neuron 0 should be discouraged");
        assertEquals(true, g[2 * K + 1] < 0, "missing target spikes on neuron 1 should be encouraged");
        assertEquals(0.0, g[(T - 1) * K + 1], 0.0, "eps[0] = 0: the last step cannot affect the loss");
    }

    @Test
    void countCrossEntropyOnCounts() {
        double[] s = new double[T * K];
        s[0] = 1;
        s[K] = 1;
        s[2 * K + 2] = 1; // counts 2, 0, 1
        double[] g = new double[T * K];
        double value = new CountCrossEntropy().evaluate(s, T, K, 2, g);
        double z = Math.exp(2) + 1 + Math.exp(1);
        assertEquals(Math.log(z) - 1, value, 1e-12);
        assertEquals(Math.exp(1) / z - 1, g[5 * K + 2], 1e-12);
        assertEquals(Math.exp(2) / z, g[7 * K], 1e-12);
    }

    @Test
    void firstSpikeStepAndItsSlopeForBinarySpikes() {
        double[] s = new double[T * K];
        s[4 * K] = 1;
        s[6 * K] = 1;
        assertEquals(4.0, FirstSpikeLoss.firstSpikeStep(s, T, K, 0), 0.0);
        assertEquals(T, FirstSpikeLoss.firstSpikeStep(s, T, K, 1), 0.0, "silent neuron counts as T");
        assertEquals(-3.0, FirstSpikeLoss.firstSpikeStepSlope(s, T, K, 0, 1), 0.0, "a spike at 1 would lead by 3");
        assertEquals(-2.0, FirstSpikeLoss.firstSpikeStepSlope(s, T, K, 0, 4), 0.0, "removing it moves it to 6");
        assertEquals(0.0, FirstSpikeLoss.firstSpikeStepSlope(s, T, K, 0, 5), 0.0);
        double[] g = new double[T * K];
        double value = new FirstSpikeLoss(1).evaluate(s, T, K, 0, g);
        double z = Math.exp(-4) + 2 * Math.exp(-10);
        assertEquals(Math.log(z) + 4, value, 1e-12);
    }

    @Test
    void earliestSpikeDecisionWithTheReferenceTieRule() {
        double[] s = new double[T * K];
        assertEquals(-1, Decision.EARLIEST_SPIKE.predict(s, T, K), "silence is no answer");
        s[3 * K + 2] = 1;
        s[5 * K + 1] = 1;
        assertEquals(2, Decision.EARLIEST_SPIKE.predict(s, T, K));
        s[3 * K + 1] = 1; // tie at step 3 between 1 and 2; neuron 1 has more spikes
        assertEquals(1, Decision.EARLIEST_SPIKE.predict(s, T, K));
        s[8 * K] = 1;
        s[9 * K] = 1;
        s[7 * K] = 1; // neuron 0 fired last but most: the global bincount makes it win the tie
        assertEquals(0, Decision.EARLIEST_SPIKE.predict(s, T, K));
    }

    @Test
    void mostSpikesDecisionBreaksTiesByTheFirstSpike() {
        double[] s = new double[T * K];
        s[5 * K] = 1;
        s[6 * K] = 1;
        s[2 * K + 2] = 1;
        s[8 * K + 2] = 1;
        assertEquals(2, Decision.MOST_SPIKES.predict(s, T, K));
        s[9 * K] = 1;
        assertEquals(0, Decision.MOST_SPIKES.predict(s, T, K));
    }

    @Test
    void filteredKernelLossAgainstItsDefinitionAndFiniteDifferences() {
        FilteredKernelLoss loss = new FilteredKernelLoss(2);
        double[] s = new double[T * K];
        for (int t = 0; t < T; t++) {
            s[t * K + 1] = 1; // the label neuron spikes every step: its trace is the target's
        }
        assertEquals(0.0, loss.evaluate(s, T, K, 1, null), 1e-15);
        s[3 * K] = 1; // a stray spike at step 3: trace (1/2)^(t-2) from t = 3 on
        double expected = 0;
        for (int t = 3; t < T; t++) {
            expected += 0.5 * Math.pow(0.5, 2 * (t - 2));
        }
        assertEquals(expected, loss.evaluate(s, T, K, 1, null), 1e-12);
        assertGradientIsTheCentralDifference(loss, 4, 2, 1e-8);
    }

    @Test
    void spikeCountLossOnCounts() {
        double[] s = new double[T * K];
        s[0] = 1;
        s[K] = 1;
        s[2 * K + 2] = 1; // counts 2, 0, 1; label 2 wants 5, the others 1
        double[] g = new double[T * K];
        double value = new SpikeCountLoss(5, 1).evaluate(s, T, K, 2, g);
        assertEquals(0.5 * (1 + 1 + 16), value, 1e-12);
        assertEquals(1.0, g[4 * K], 0.0);
        assertEquals(-1.0, g[9 * K + 1], 0.0);
        assertEquals(-4.0, g[6 * K + 2], 0.0);
    }

    @Test
    void traceCrossEntropyAgainstItsDefinitionAndFiniteDifferences() {
        TraceCrossEntropy loss = new TraceCrossEntropy(0.5);
        double[] s = new double[T * K];
        s[2 * K + 1] = 1; // one spike of class 1 at step 2: trace (1/2)^(t-2) from t = 2 on
        double expected = 0;
        for (int t = 0; t < T; t++) {
            double r = t < 2 ? 0 : Math.pow(0.5, t - 2);
            expected += Math.log(2 + Math.exp(r)) - r; // classes 0 and 2 stay at 0
        }
        assertEquals(expected / T, loss.evaluate(s, T, K, 1, null), 1e-12);
        assertGradientIsTheCentralDifference(loss, 5, 0, 1e-9);
    }

    /** The loss's gradient on graded outputs (uniform in [0, 1), seeded) against central differences of step 1e-6. */
    private static void assertGradientIsTheCentralDifference(SpikeLoss loss, int seed, int label, double tolerance) {
        double[] graded = new double[T * K];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int k = 0; k < graded.length; k++) {
            graded[k] = r.nextDouble();
        }
        double[] g = new double[T * K];
        loss.evaluate(graded, T, K, label, g);
        for (int k = 0; k < graded.length; k++) {
            double saved = graded[k];
            graded[k] = saved + 1e-6;
            double plus = loss.evaluate(graded, T, K, label, null);
            graded[k] = saved - 1e-6;
            double minus = loss.evaluate(graded, T, K, label, null);
            graded[k] = saved;
            assertEquals((plus - minus) / 2e-6, g[k], tolerance, "entry " + k);
        }
    }
}
