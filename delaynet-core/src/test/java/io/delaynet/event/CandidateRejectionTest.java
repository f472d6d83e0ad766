package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scan rejects most candidates by a cheap test with a safety margin instead of solving them.
 * Where that could matter is at a transition: a membrane that barely grazes threshold, or a
 * crossing that lands exactly on the next arrival. This test bisects the weight scale of random
 * neurons onto such transitions (to the last bit) and checks, around each, that the scan gives
 * the same spike time and causal set as the reference scan that solves every candidate.
 */
class CandidateRejectionTest {

    @ParameterizedTest(name = "tau ratio {0}")
    @ValueSource(doubles = {1.0, 2.0})
    void scanEqualsTheSolveEverythingScanAtEveryTransition(double ratio) {
        LifModel model = new LifModel(ratio, 1.0);
        SplittableRandom r = new SplittableRandom(4242 + (long) ratio);
        int transitions = 0;
        int compared = 0;
        for (int neuron = 0; neuron < 400; neuron++) {
            int n = 1 + r.nextInt(25);
            double ref = r.nextDouble(-1, 3);
            double[] arrival = new double[n];
            double[] base = new double[n];
            for (int k = 0; k < n; k++) {
                arrival[k] = ref + (r.nextDouble() < 0.2 && k > 0 ? arrival[k - 1] - ref : r.nextDouble(0, 4));
                base[k] = r.nextDouble(-0.5, 1.5);
            }
            Arrays.sort(arrival);
            double[] half = new double[n];
            for (int k = 0; k < n; k++) {
                half[k] = Math.exp(0.5 * (arrival[k] - ref));
            }
            // outcomes at scales lo < hi differ: bisect to the last representable scale
            double lo = 0.01;
            double hi = 20;
            long outLo = outcome(lo, n, arrival, base, half, ref, model);
            if (outLo == outcome(hi, n, arrival, base, half, ref, model)) {
                continue;
            }
            for (int it = 0; it < 200 && Math.nextUp(lo) < hi; it++) {
                double mid = 0.5 * (lo + hi);
                if (outcome(mid, n, arrival, base, half, ref, model) == outLo) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            transitions++;
            double[] scales = {lo, hi, Math.nextDown(lo), Math.nextUp(hi), lo * (1 - 1e-12), hi * (1 + 1e-12),
                lo * (1 - 1e-9), hi * (1 + 1e-9), lo * (1 - 1e-7), hi * (1 + 1e-7), lo * (1 - 1e-5), hi * (1 + 1e-5)};
            for (double s : scales) {
                double[] w = scaled(base, s);
                int[] expectedCausal = new int[1];
                int[] causal = new int[1];
                double expected = ReferenceForward.scan(n, arrival, w, half, ref, model, expectedCausal, 0);
                double actual = FirstSpike.scan(0, n, arrival, w, half, ref, model, causal, 0);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                        "spike time at scale " + s + ": " + expected + " vs " + actual);
                assertEquals(expectedCausal[0], causal[0], "causal set at scale " + s);
                compared++;
            }
        }
        assertTrue(transitions > 100, "transitions found: " + transitions);
        assertTrue(compared > 1000, "scans compared: " + compared);
    }

    private static long outcome(double scale, int n, double[] arrival, double[] base, double[] half, double ref,
                                LifModel model) {
        int[] causal = new int[1];
        double t = ReferenceForward.scan(n, arrival, scaled(base, scale), half, ref, model, causal, 0);
        return Double.isFinite(t) ? causal[0] : -1;
    }

    private static double[] scaled(double[] w, double s) {
        double[] out = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            out[k] = w[k] * s;
        }
        return out;
    }
}
