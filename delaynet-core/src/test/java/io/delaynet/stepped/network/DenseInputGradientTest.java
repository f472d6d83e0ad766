package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.train.ParameterGroup;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A dense projection's input gradient with whole-step delays (what the engine runs: the Vector API
 * kernel where the module is present) and its plain loop, against the sum written out:
 * {@code gin[t][i] = sum over j, in increasing order, of w_ij g[t + shift_ij][j]}, bit for bit, for
 * every delay kind and sizes that fill no whole block of neurons or vector of steps.
 */
class DenseInputGradientTest {

    @Test
    void everyDelayKindEqualsTheWrittenOutSumBitForBit() {
        int[][] sizes = {{640, 300, 5}, {7, 3, 1}, {5, 9, 9}, {13, 1, 4}, {1, 6, 12}, {6, 11, 2}};
        long seed = 3;
        for (DelayKind kind : DelayKind.values()) {
            for (int[] size : sizes) {
                check(kind, size[0], size[1], size[2], seed++);
            }
        }
    }

    private static void check(DelayKind kind, int pre, int post, int steps, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[pre * post];
        for (int q = 0; q < w.length; q++) {
            w[q] = r.nextDouble() < 0.1 ? 0.0 : r.nextGaussian();
        }
        ParameterGroup delays = null;
        if (kind != DelayKind.NONE) {
            double[] d = new double[kind.count(pre, post)];
            for (int q = 0; q < d.length; q++) {
                d[q] = r.nextDouble() * (steps + 2); // some past the window's end
            }
            delays = new ParameterGroup("p.delays", d, "delays", true);
        }
        Projection p = new Projection(pre, post, steps, kind, new DelayInterpolation.IntegerShift(Rounding.FLOOR),
                DelayBounds.NON_NEGATIVE, 0, new ParameterGroup("p.weights", w, "weights", true), delays);
        double[] g = new double[p.arrivalLength()];
        for (int q = 0; q < steps * post; q++) { // rows at and above steps stay zero
            g[q] = r.nextDouble() < 0.1 ? 0.0 : r.nextGaussian();
        }
        double[] expected = new double[steps * pre];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < pre; i++) {
                double sum = 0;
                for (int j = 0; j < post; j++) {
                    int shift = Math.min(steps, (int) Math.floor(p.delay(i, j)));
                    sum += w[i * post + j] * g[(t + shift) * post + j];
                }
                expected[t * pre + i] = sum;
            }
        }
        assertTrue(java.util.Arrays.stream(expected).anyMatch(v -> v != 0), "nothing to compare");
        SpikeEvents none = new SpikeEvents(steps);
        none.clear();
        none.finish();
        double[] engine = new double[steps * pre];
        p.backward(none, g, null, null, engine, new double[p.arrivalLength()]);
        String what = kind + " " + pre + "x" + post + ", " + steps + " steps";
        assertArrayEquals(expected, engine, what);
        double[] plain = new double[steps * pre];
        p.plainInputGradientShift(w, g, plain, new double[p.arrivalLength()]);
        assertArrayEquals(expected, plain, what + " (plain)");
    }
}
