package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Topology;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.train.ParameterGroup;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The convolution and pooling forward passes against the textbook formulas, written out literally. */
class SpatialForwardTest {
    private static final int STEPS = 3;

    @Test
    void convolutionIsTheValidCrossCorrelation() {
        int c = 2;
        int h = 7;
        int w = 6;
        int o = 3;
        int k = 3;
        SplittableRandom r = new SplittableRandom(5);
        double[] weights = new double[o * c * k * k];
        for (int q = 0; q < weights.length; q++) {
            weights[q] = r.nextGaussian();
        }
        Topology.Conv2d shape = new Topology.Conv2d(c, h, w, o, k);
        int pre = c * h * w;
        int oh = h - k + 1;
        int ow = w - k + 1;
        int post = o * oh * ow;
        Projection p = projection(pre, post, weights, shape);
        SpikeEvents in = TestNetworks.randomInput(6, STEPS, pre, 0.4, true);
        double[] arrival = run(p, in);
        double[] dense = denseInput(in, pre);
        for (int t = 0; t < STEPS; t++) {
            for (int oc = 0; oc < o; oc++) {
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) {
                        double sum = 0;
                        for (int ic = 0; ic < c; ic++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    sum += weights[((oc * c + ic) * k + ky) * k + kx]
                                            * dense[t * pre + (ic * h + y + ky) * w + x + kx];
                                }
                            }
                        }
                        assertEquals(sum, arrival[t * post + (oc * oh + y) * ow + x], 1e-12);
                    }
                }
            }
        }
    }

    /** The whole-window loops (dense input) add the same terms as the per-step event loops, up to rounding. */
    @Test
    void convolutionWindowMatchesStepByStep() {
        SplittableRandom r = new SplittableRandom(8);
        Topology.Conv2d shape = new Topology.Conv2d(2, 9, 8, 3, 3);
        double[] weights = new double[3 * 2 * 9];
        for (int q = 0; q < weights.length; q++) {
            weights[q] = r.nextGaussian();
        }
        int pre = 2 * 9 * 8;
        int post = 3 * 7 * 6;
        Projection p = projection(pre, post, weights, shape);
        SpikeEvents in = TestNetworks.randomInput(9, STEPS, pre, 0.9, true);
        double[] stepwise = run(p, in);
        double[] window = new double[p.arrivalLength()];
        p.scatterWindow(in, window);
        double largest = 0;
        for (int q = 0; q < STEPS * post; q++) {
            assertEquals(stepwise[q], window[q], 1e-12, "arrival " + q);
            largest = Math.max(largest, Math.abs(window[q]));
        }
        org.junit.jupiter.api.Assertions.assertTrue(largest > 0.5);
    }

    @Test
    void poolingSumsEachWindowTimesItsWeight() {
        Topology.SumPool2d shape = new Topology.SumPool2d(2, 4, 6, 2);
        int pre = 48;
        int post = 12;
        Projection p = projection(pre, post, new double[] {0.25}, shape);
        SpikeEvents in = TestNetworks.randomInput(7, STEPS, pre, 0.5, true);
        double[] arrival = run(p, in);
        double[] dense = denseInput(in, pre);
        for (int t = 0; t < STEPS; t++) {
            for (int ch = 0; ch < 2; ch++) {
                for (int y = 0; y < 2; y++) {
                    for (int x = 0; x < 3; x++) {
                        double sum = 0;
                        for (int dy = 0; dy < 2; dy++) {
                            for (int dx = 0; dx < 2; dx++) {
                                sum += dense[t * pre + (ch * 4 + 2 * y + dy) * 6 + 2 * x + dx];
                            }
                        }
                        assertEquals(0.25 * sum, arrival[t * post + (ch * 2 + y) * 3 + x], 1e-12);
                    }
                }
            }
        }
    }

    private static Projection projection(int pre, int post, double[] w, Topology topology) {
        return new Projection(pre, post, STEPS, DelayKind.NONE, new DelayInterpolation.IntegerShift(Rounding.FLOOR),
                DelayBounds.NON_NEGATIVE, 0, new ParameterGroup("p.weights", w, "weights", true), null, topology);
    }

    private static double[] run(Projection p, SpikeEvents in) {
        double[] arrival = new double[p.arrivalLength()];
        p.clear(arrival);
        for (int t = 0; t < STEPS; t++) {
            p.scatter(in, t, arrival);
        }
        return arrival;
    }

    private static double[] denseInput(SpikeEvents in, int pre) {
        double[] dense = new double[STEPS * pre];
        for (int t = 0; t < STEPS; t++) {
            for (int e = in.from(t); e < in.to(t); e++) {
                dense[t * pre + in.neuron(e)] += in.value(e);
            }
        }
        return dense;
    }
}
