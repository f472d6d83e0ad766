package io.delaynet.event.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpikeTimeLossTest {

    @Test
    void gradientsMatchCentralDifferences() {
        SplittableRandom r = new SplittableRandom(5);
        SpikeTimeLoss[] losses = {new ShiftInvariantMse(0.2), new TtfsCrossEntropy(0.2, 0.005, 1.0)};
        for (SpikeTimeLoss loss : losses) {
            for (int trial = 0; trial < 50; trial++) {
                double[] t = {r.nextDouble(0.5, 3), r.nextDouble(0.5, 3), r.nextDouble(0.5, 3)};
                int label = r.nextInt(3);
                double[] g = new double[3];
                loss.loss(t, label, g);
                for (int k = 0; k < 3; k++) {
                    double keep = t[k];
                    t[k] = keep + 1e-6;
                    double plus = loss.loss(t, label, new double[3]);
                    t[k] = keep - 1e-6;
                    double minus = loss.loss(t, label, new double[3]);
                    t[k] = keep;
                    assertEquals((plus - minus) / 2e-6, g[k], 1e-7 * Math.max(1, Math.abs(g[k])), loss + " k=" + k);
                }
            }
        }
    }

    @Test
    void shiftInvariantLossIsZeroAtItsTarget() {
        double[] g = new double[3];
        assertEquals(0.0, new ShiftInvariantMse(0.2).loss(new double[] {1.2, 1.0, 1.2}, 1, g), 1e-15);
        assertEquals(0.0, g[0], 1e-15);
    }

    @Test
    void crossEntropyIgnoresSilentWrongNeurons() {
        double[] g = new double[3];
        double l = new TtfsCrossEntropy(0.2, 0.0, 1.0).loss(new double[] {1.0, Double.POSITIVE_INFINITY, 1.0}, 0, g);
        assertEquals(Math.log(2), l, 1e-12);
        assertEquals(0.0, g[1], 0.0);
    }

    @Test
    void predictionIsTheEarliestSpikeAndMinusOneWhenAllAreSilent() {
        SpikeTimeLoss loss = new ShiftInvariantMse(0.2);
        assertEquals(1, loss.predict(new double[] {2.0, 1.0, 1.0}));
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(-1, loss.predict(new double[] {inf, inf, inf}));
    }
}
