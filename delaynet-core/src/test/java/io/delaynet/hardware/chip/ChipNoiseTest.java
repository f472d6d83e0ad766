package io.delaynet.hardware.chip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.event.LifModel;
import io.delaynet.model.Connection;
import io.delaynet.hardware.ChipNetwork;
import io.delaynet.model.NetworkDescription;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every noise source of the emulated chip shows the statistics it is configured with. */
class ChipNoiseTest {
    private static final ChipParameters IDEAL = ChipParameters.ideal();
    private static final LifModel MODEL = new LifModel(1.0, 2.6);

    private static ChipParameters with(ChipParameters.Mismatch m, ChipParameters.TrialNoise t) {
        return new ChipParameters(m, t, IDEAL.weights(), IDEAL.delays(), IDEAL.readout());
    }

    /** One input line onto {@code post} neurons, all with weight w. */
    private static NetworkDescription fanOut(int post, double w, DelayKind kind, double delay) {
        double[] weights = new double[post];
        double[] delays = new double[post];
        java.util.Arrays.fill(weights, w);
        java.util.Arrays.fill(delays, kind == DelayKind.NONE ? 0 : delay);
        return ChipNetwork.of(MODEL, 1, List.of(ChipNetwork.layer(1, post, weights, kind, delays)));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    private static double[] relative(double[] x, double nominal) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / nominal;
        }
        return out;
    }

    @Test
    void fixedPatternDrawsHaveTheConfiguredMeanAndSpreadAndAreFrozenPerChip() {
        int n = 4000; // standard error of an sd estimate: 1.1 %
        ChipParameters p = with(new ChipParameters.Mismatch(0.05, 0.08, 0.13, 0.0, 0.0, 0), IDEAL.trial());
        EmulatedChip chip = new EmulatedChip(p, 42, 0);
        chip.load(fanOut(n, 1.0, DelayKind.NONE, 0));
        LoadedLayer layer = chip.loaded().get(0);
        double[] tauM = relative(layer.tauM(), MODEL.tauRatio());
        double[] tauS = layer.tauS();
        assertEquals(1.0, mean(tauM), 0.004);
        assertEquals(0.05, sd(tauM), 0.0025);
        assertEquals(1.0, mean(tauS), 0.006);
        assertEquals(0.08, sd(tauS), 0.004);
        assertEquals(2.6 + 0.13, mean(layer.thresholdDistance()), 1e-12, "threshold offset without spread");

        EmulatedChip thresholds = new EmulatedChip(with(new ChipParameters.Mismatch(0, 0, 0.13, 0.08, 0, 0), IDEAL.trial()), 42, 0);
        thresholds.load(fanOut(n, 1.0, DelayKind.NONE, 0));
        double[] theta = thresholds.loaded().get(0).thresholdDistance();
        assertEquals(2.73, mean(theta), 0.006);
        assertEquals(0.08, sd(theta), 0.004);

        EmulatedChip leaks = new EmulatedChip(with(new ChipParameters.Mismatch(0, 0, 0, 0, 0.05, 0), IDEAL.trial()), 42, 0);
        leaks.load(fanOut(n, 1.0, DelayKind.NONE, 0));
        double[] distance = leaks.loaded().get(0).thresholdDistance(); // theta - leak
        assertEquals(2.6, mean(distance), 0.004);
        assertEquals(0.05, sd(distance), 0.0025);

        EmulatedChip same = new EmulatedChip(p, 42, 777);
        same.load(fanOut(n, 0.5, DelayKind.NONE, 0)); // another network on the same chip instance
        assertArrayEquals(layer.tauM(), same.loaded().get(0).tauM(), "the pattern belongs to the chip, not to the load");
        EmulatedChip other = new EmulatedChip(p, 43, 0);
        other.load(fanOut(n, 1.0, DelayKind.NONE, 0));
        assertFalse(java.util.Arrays.equals(layer.tauM(), other.loaded().get(0).tauM()), "another chip, another pattern");
    }

    @Test
    void noiseScaleScalesOneFixedPattern() {
        ChipParameters p = ChipParameters.brainScaleS2Like();
        EmulatedChip once = new EmulatedChip(p, 9, 0);
        EmulatedChip twice = new EmulatedChip(p.scaled(2), 9, 0);
        once.load(fanOut(50, 1.0, DelayKind.NONE, 0));
        twice.load(fanOut(50, 1.0, DelayKind.NONE, 0));
        double[] a = once.loaded().get(0).tauS();
        double[] b = twice.loaded().get(0).tauS();
        for (int j = 0; j < a.length; j++) {
            assertEquals(2 * (a[j] - 1), b[j] - 1, 1e-12);
        }
        assertEquals(0.0, p.scaled(0).trial().spikeJitter());
        assertEquals(p.weights(), p.scaled(0).weights(), "resolutions are not noise");
    }

    /** The same single-neuron sample run in many trials, output times collected. */
    private static double[] trials(EmulatedChip chip, double input, int count) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = chip.run(new double[] {input}, k).output()[0];
        }
        return t;
    }

    @Test
    void spikeJitterHasTheConfiguredSpread() {
        EmulatedChip exact = new EmulatedChip(IDEAL, 1, 1);
        exact.load(fanOut(1, 8.0, DelayKind.NONE, 0));
        double ideal = exact.run(new double[] {0.5}, 0).output()[0];
        EmulatedChip chip = new EmulatedChip(with(IDEAL.mismatch(), new ChipParameters.TrialNoise(0.02, 0, 0, "run")), 1, 1);
        chip.load(fanOut(1, 8.0, DelayKind.NONE, 0));
        double[] t = trials(chip, 0.5, 4000);
        assertEquals(ideal, mean(t), 0.0015);
        assertEquals(0.02, sd(t), 0.001);
    }

    @Test
    void delayJitterShiftsArrivalsWithTheConfiguredSpread() {
        ChipParameters noDelayBounds = with(IDEAL.mismatch(), new ChipParameters.TrialNoise(0, 0, 0.03, "run"));
        EmulatedChip chip = new EmulatedChip(noDelayBounds, 1, 1);
        chip.load(fanOut(1, 8.0, DelayKind.AXONAL, 2.5));
        double[] t = trials(chip, 0.5, 4000); // one input: the spike moves exactly with its arrival
        EmulatedChip exact = new EmulatedChip(IDEAL, 1, 1);
        exact.load(fanOut(1, 8.0, DelayKind.AXONAL, 2.5));
        assertEquals(exact.run(new double[] {0.5}, 0).output()[0], mean(t), 0.002);
        assertEquals(0.03, sd(t), 0.0015);
    }

    @Test
    void trialThresholdNoiseMovesSpikesByItsSpreadOverTheMembraneSlope() {
        double w = 8.0;
        double sigma = 0.01;
        EmulatedChip exact = new EmulatedChip(IDEAL, 1, 1);
        exact.load(fanOut(1, w, DelayKind.NONE, 0));
        double ideal = exact.run(new double[] {0.0}, 0).output()[0];
        double slope = w * (1 - ideal) * Math.exp(-ideal); // u' = w kappa'(T), tau_m = tau_s = 1
        EmulatedChip chip = new EmulatedChip(with(IDEAL.mismatch(), new ChipParameters.TrialNoise(0, sigma, 0, "run")), 1, 1);
        chip.load(fanOut(1, w, DelayKind.NONE, 0));
        double[] t = trials(chip, 0.0, 4000);
        assertEquals(sigma / slope, sd(t), 0.05 * sigma / slope);
    }

    @Test
    void weightsLandOnTheSignedSixBitGrid() {
        ChipParameters.WeightResolution grid = new ChipParameters.WeightResolution(6, 1.0 / 30);
        ChipParameters p = new ChipParameters(IDEAL.mismatch(), IDEAL.trial(), grid, IDEAL.delays(), IDEAL.readout());
        SplittableRandom r = new SplittableRandom(5);
        int post = 500;
        double[] requested = new double[post];
        for (int j = 0; j < post; j++) {
            requested[j] = r.nextDouble(-3, 3);
        }
        EmulatedChip chip = new EmulatedChip(p, 1, 1);
        chip.load(ChipNetwork.of(MODEL, 1, List.of(ChipNetwork.layer(1, post, requested, DelayKind.NONE,
                new double[post]))));
        double[] realised = chip.loaded().get(0).weights();
        int saturated = 0;
        for (int j = 0; j < post; j++) {
            double level = realised[j] * 30;
            assertEquals(Math.rint(level), level, 1e-9, "on the grid");
            assertTrue(Math.abs(level) <= 63 + 1e-9, "6-bit magnitude");
            if (Math.abs(requested[j]) < 2.1) {
                assertTrue(Math.abs(realised[j] - requested[j]) <= 0.5 / 30 + 1e-12, "rounded to the nearest level");
            } else {
                assertEquals(Math.signum(requested[j]) * 2.1, realised[j], 1e-12, "saturates at 63 levels");
                saturated++;
            }
        }
        assertTrue(saturated > 50);
        assertEquals(2.1, grid.maxWeight(), 1e-12);
    }

    @Test
    void delaysStayWithinTheRealisableRangeAndCarryTheirOwnMismatch() {
        int post = 4000;
        double[] requested = new double[post];
        SplittableRandom r = new SplittableRandom(8);
        for (int j = 0; j < post; j++) {
            requested[j] = r.nextDouble(1.0, 4.5); // partly outside [2, 3.5]
        }
        ChipParameters narrow = new ChipParameters(IDEAL.mismatch(), IDEAL.trial(), IDEAL.weights(),
                new ChipParameters.DelayRange(2.0, 3.5, 0.05, "element"), IDEAL.readout());
        EmulatedChip chip = new EmulatedChip(narrow, 3, 1);
        chip.load(ChipNetwork.of(MODEL, 1, List.of(ChipNetwork.layer(1, post, new double[post],
                DelayKind.SYNAPTIC, requested))));
        for (double d : chip.loaded().get(0).delays()) {
            assertTrue(d >= 2.0 && d <= 3.5, "realised delay " + d + " outside the chip's range");
        }

        double[] mid = new double[post];
        java.util.Arrays.fill(mid, 2.75);
        chip.load(ChipNetwork.of(MODEL, 1, List.of(ChipNetwork.layer(1, post, new double[post],
                DelayKind.SYNAPTIC, mid))));
        double[] d = chip.loaded().get(0).delays();
        assertEquals(2.75, mean(d), 0.003);
        assertEquals(0.05, sd(d), 0.0025);
    }

    @Test
    void reportedTimesLieOnTheClockWithinHalfATickOfTheTrueOnes() {
        double clock = 0.01;
        ChipParameters clocked = new ChipParameters(IDEAL.mismatch(), IDEAL.trial(), IDEAL.weights(), IDEAL.delays(),
                new ChipParameters.Readout(clock, Double.POSITIVE_INFINITY));
        SplittableRandom r = new SplittableRandom(4);
        NetworkDescription net = EmulatedChipTest.randomNetwork(r, MODEL, new int[] {8, 20, 3},
                new DelayKind[] {DelayKind.NONE, DelayKind.NONE});
        EmulatedChip chip = new EmulatedChip(clocked, 1, 1);
        chip.load(net);
        int checked = 0;
        for (int sample = 0; sample < 50; sample++) {
            double[] input = EmulatedChipTest.randomInput(r, 8);
            double[] onClock = new double[8];
            for (int i = 0; i < 8; i++) {
                onClock[i] = clocked.readout().quantise(input[i]);
            }
            // the chip plays inputs in on its clock, so compare with a clockless chip fed the same injected times
            EmulatedChip exact = new EmulatedChip(IDEAL, 1, 1);
            exact.load(net);
            var truth = exact.run(onClock, sample);
            var seen = chip.run(input, sample);
            for (int l = 0; l <= 2; l++) {
                for (int j = 0; j < seen.layer(l).length; j++) {
                    double t = seen.layer(l)[j];
                    if (Double.isInfinite(t)) {
                        continue;
                    }
                    assertEquals(Math.rint(t / clock), t / clock, 1e-9, "on a tick");
                    if (l > 0) {
                        assertTrue(Math.abs(t - truth.layer(l)[j]) <= clock / 2 + 1e-12, "nearest tick");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 300, "spikes checked: " + checked);
    }
}
