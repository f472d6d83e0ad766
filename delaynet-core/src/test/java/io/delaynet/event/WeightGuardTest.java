package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DelGrad's guard ({@code maxWeightGradient} of {@link EventNetwork#backward}): a neuron's weight
 * gradient for a sample is dropped exactly when its largest |dL/dw| exceeds the bound, and nothing
 * else changes. For one sample from zero, the unguarded row of neuron j is its -scale kappa_k, so
 * the rule can be checked from the public gradients alone, at bounds placed on the rows' own maxima.
 */
class WeightGuardTest {

    @ParameterizedTest(name = "tau ratio 2, {0} delays")
    @EnumSource(DelayKind.class)
    void dropsExactlyTheRowsWhoseLargestWeightGradientExceedsTheBound(DelayKind kind) {
        SplittableRandom r = new SplittableRandom(31 + kind.ordinal());
        LifModel model = new LifModel(2.0, 1.0);
        int dropped = 0;
        int kept = 0;
        for (int network = 0; network < 6; network++) {
            EventNetwork net = GradientCheckTest.randomNetwork(r, model, kind, true, new int[] {5, 8, 4});
            for (int sample = 0; sample < 10; sample++) {
                double[] input = new double[5];
                for (int i = 0; i < input.length; i++) {
                    input[i] = r.nextDouble() * 2;
                }
                double[] dOut = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                double[][] free = backward(net, input, dOut, Double.POSITIVE_INFINITY);
                int slot = 0;
                for (int l = 0; l < net.layerCount(); l++) {
                    Projection p = net.projection(l);
                    int pre = p.pre();
                    double[] rowMax = new double[p.post()];
                    for (int j = 0; j < p.post(); j++) {
                        for (int i = 0; i < pre; i++) {
                            rowMax[j] = Math.max(rowMax[j], Math.abs(free[slot][j * pre + i]));
                        }
                    }
                    for (int j = 0; j < p.post(); j++) {
                        if (rowMax[j] == 0) {
                            continue;
                        }
                        // just below and exactly at a row's maximum: dropped, then kept
                        for (double bound : new double[] {Math.nextDown(rowMax[j]), rowMax[j]}) {
                            double[][] guarded = backward(net, input, dOut, bound);
                            double[] expected = free[slot].clone();
                            for (int q = 0; q < p.post(); q++) {
                                if (rowMax[q] > bound) {
                                    Arrays.fill(expected, q * pre, (q + 1) * pre, 0.0);
                                }
                            }
                            assertArrayEquals(expected, guarded[slot], 0.0, "layer " + l + " weights, bound " + bound);
                            dropped += rowMax[j] > bound ? 1 : 0;
                            kept += rowMax[j] > bound ? 0 : 1;
                        }
                    }
                    slot += p.delays() != null ? 2 : 1;
                }
                // the guard never touches delay or input gradients
                double[][] tight = backward(net, input, dOut, 0.0);
                for (int g = 0, l = 0; l < net.layerCount(); l++) {
                    g++;
                    if (net.projection(l).delays() != null) {
                        assertArrayEquals(free[g], tight[g], 0.0, "delay gradients of layer " + l);
                        g++;
                    }
                }
            }
        }
        assertTrue(dropped > 50 && kept > 50, "rows dropped / kept at the bounds: " + dropped + " / " + kept);
        assertEquals(dropped, kept);
    }

    private static double[][] backward(EventNetwork net, double[] input, double[] dOut, double bound) {
        EventTrace trace = net.newTrace();
        net.forward(input, trace);
        double[][] g = net.newGradients();
        net.setOutputGradient(trace, dOut);
        net.backward(trace, g, bound);
        return g;
    }
}
