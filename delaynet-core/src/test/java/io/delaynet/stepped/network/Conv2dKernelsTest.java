package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The convolution's whole-window kernels, plain and Vector API, against a straightforward
 * transcription of their sums kept here: bit for bit (assertArrayEquals without a tolerance
 * compares the bits), on random shapes including the edges (1x1 and full-image kernels, one
 * channel, channel counts that fill no whole vector, outputs narrower than a block, one step),
 * sparse and dense inputs, zero weights and all-zero gradient planes. The transcription adds
 * each output's terms in the order the plain loops do: the forward pass and the weight gradient
 * in event order, the input gradient over (o, ky, kx).
 */
class Conv2dKernelsTest {

    private record Case(Topology.Conv2d shape, int steps, double rate, boolean graded, boolean shuffled) {
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(new Topology.Conv2d(15, 12, 12, 40, 5), 5, 0.18, false, false)); // the paper's second conv
        cases.add(new Case(new Topology.Conv2d(1, 28, 28, 15, 5), 5, 0.2, true, false));   // its first
        cases.add(new Case(new Topology.Conv2d(1, 5, 5, 1, 5), 1, 0.9, true, false));      // kernel = image
        cases.add(new Case(new Topology.Conv2d(3, 4, 7, 2, 1), 3, 0.5, true, false));      // 1x1 kernel
        cases.add(new Case(new Topology.Conv2d(2, 9, 6, 9, 3), 4, 1.0, true, false));      // dense input
        cases.add(new Case(new Topology.Conv2d(2, 8, 10, 17, 2), 2, 0.05, false, false));  // very sparse
        cases.add(new Case(new Topology.Conv2d(4, 6, 6, 3, 3), 7, 0.4, true, true));       // events out of order
        SplittableRandom r = new SplittableRandom(99);
        for (int n = 0; n < 12; n++) {
            int k = 1 + r.nextInt(5);
            int h = k + r.nextInt(8);
            int w = k + r.nextInt(8);
            cases.add(new Case(new Topology.Conv2d(1 + r.nextInt(4), h, w, 1 + r.nextInt(20), k), 1 + r.nextInt(6),
                    r.nextDouble(), r.nextBoolean(), n % 4 == 3));
        }
        return cases;
    }

    @Test
    void plainKernelsEqualTheReferenceBitForBit() {
        long seed = 1;
        for (Case c : cases()) {
            check(c, seed++, false);
        }
    }

    @Test
    void vectorKernelsEqualTheReferenceBitForBit() {
        assumeTrue(Conv2dMap.VECTOR, "the jdk.incubator.vector module is not present");
        long seed = 1;
        for (Case c : cases()) {
            check(c, seed++, true);
        }
    }

    /** The dispatching methods (what the engine calls) give the same bits as the plain loops. */
    @Test
    void dispatchEqualsThePlainLoops() {
        long seed = 50;
        for (Case c : cases()) {
            Conv2dMap map = new Conv2dMap(c.shape());
            Data d = data(c, seed++);
            double[] a = new double[c.steps() * post(c.shape())];
            double[] b = a.clone();
            map.scatterWindow(d.in, c.steps(), d.w, a);
            map.plainScatterWindow(d.in, c.steps(), d.w, b);
            assertArrayEquals(b, a, "forward " + c);
            double[] ga = d.gw.clone();
            double[] gb = d.gw.clone();
            map.weightGradient(d.in, c.steps(), d.g, ga);
            map.plainWeightGradient(d.in, c.steps(), d.g, gb);
            assertArrayEquals(gb, ga, "weight gradient " + c);
            double[] ia = new double[c.steps() * pre(c.shape())];
            double[] ib = new double[ia.length];
            map.inputGradient(c.steps(), d.w, d.g, ia);
            map.plainInputGradient(c.steps(), d.w, d.g, ib);
            assertArrayEquals(ib, ia, "input gradient " + c);
        }
    }

    private static void check(Case c, long seed, boolean vector) {
        Topology.Conv2d s = c.shape();
        Data d = data(c, seed);
        Conv2dMap map = new Conv2dMap(s);
        int steps = c.steps();

        double[] forward = new double[steps * post(s)];
        if (vector) {
            Conv2dVectorKernels.scatterWindow(s, d.in, steps, d.w, forward);
        } else {
            map.plainScatterWindow(d.in, steps, d.w, forward);
        }
        assertArrayEquals(referenceForward(s, d.in, steps, d.w), forward, "forward " + c);

        double[] gw = d.gw.clone();
        if (vector) {
            Conv2dVectorKernels.weightGradient(s, d.in, steps, d.g, gw);
        } else {
            map.plainWeightGradient(d.in, steps, d.g, gw);
        }
        assertArrayEquals(referenceWeightGradient(s, d.in, steps, d.g, d.gw), gw, "weight gradient " + c);

        double[] gin = new double[steps * pre(s)];
        java.util.Arrays.fill(gin, Double.NaN); // overwritten, not added to
        if (vector) {
            Conv2dVectorKernels.inputGradient(s, steps, d.w, d.g, gin);
        } else {
            map.plainInputGradient(steps, d.w, d.g, gin);
        }
        double[] expected = referenceInputGradient(s, steps, d.w, d.g);
        assertArrayEquals(expected, gin, "input gradient " + c);
        assertTrue(nonZero(expected), "a case whose input gradient is all zero checks nothing: " + c);
    }

    private record Data(SpikeEvents in, double[] w, double[] g, double[] gw) {
    }

    private static Data data(Case c, long seed) {
        Topology.Conv2d s = c.shape();
        SplittableRandom r = new SplittableRandom(seed);
        int steps = c.steps();
        int pre = pre(s);
        SpikeEvents in = new SpikeEvents(steps);
        in.clear();
        for (int t = 0; t < steps; t++) {
            List<Integer> neurons = new ArrayList<>();
            for (int i = 0; i < pre; i++) {
                if (r.nextDouble() < c.rate()) {
                    neurons.add(i);
                }
            }
            if (c.shuffled()) {
                java.util.Collections.reverse(neurons);
            }
            for (int i : neurons) {
                in.add(t, i, c.graded() ? 0.2 + 0.8 * r.nextDouble() : 1.0);
            }
        }
        in.finish();
        int taps = s.inChannels() * s.kernel() * s.kernel();
        double[] w = new double[s.outChannels() * taps];
        for (int q = 0; q < w.length; q++) {
            w[q] = r.nextDouble() < 0.1 ? 0.0 : r.nextGaussian();
        }
        int plane = s.outHeight() * s.outWidth();
        double[] g = new double[steps * post(s)];
        for (int t = 0; t < steps; t++) {
            for (int o = 0; o < s.outChannels(); o++) {
                boolean zeroPlane = r.nextDouble() < 0.15;
                for (int p = 0; p < plane; p++) {
                    g[(t * s.outChannels() + o) * plane + p] = zeroPlane || r.nextDouble() < 0.1 ? 0.0 : r.nextGaussian();
                }
            }
        }
        double[] gw = new double[w.length];
        for (int q = 0; q < gw.length; q++) {
            gw[q] = r.nextGaussian(); // the kernels add to what is there
        }
        return new Data(in, w, g, gw);
    }

    private static int pre(Topology.Conv2d s) {
        return s.inChannels() * s.height() * s.width();
    }

    private static int post(Topology.Conv2d s) {
        return s.outChannels() * s.outHeight() * s.outWidth();
    }

    private static boolean nonZero(double[] a) {
        for (double v : a) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    /** arrival[t][o][oy][ox] = sum over the step's events, in their order, of v w[o][c][y-oy][x-ox]. */
    private static double[] referenceForward(Topology.Conv2d s, SpikeEvents in, int steps, double[] w) {
        int k = s.kernel();
        int h = s.height();
        int wd = s.width();
        int oh = s.outHeight();
        int ow = s.outWidth();
        double[] out = new double[steps * post(s)];
        for (int t = 0; t < steps; t++) {
            for (int o = 0; o < s.outChannels(); o++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double sum = 0;
                        for (int e = in.from(t); e < in.to(t); e++) {
                            int i = in.neuron(e);
                            int c = i / (h * wd);
                            int ky = (i / wd) % h - oy;
                            int kx = i % wd - ox;
                            if (ky >= 0 && ky < k && kx >= 0 && kx < k) {
                                sum += in.value(e) * w[((o * s.inChannels() + c) * k + ky) * k + kx];
                            }
                        }
                        out[((t * s.outChannels() + o) * oh + oy) * ow + ox] += sum;
                    }
                }
            }
        }
        return out;
    }

    /** gw[o][c][ky][kx] + the sum over the events of channel c, in their order, of v g[t][o][y-ky][x-kx]. */
    private static double[] referenceWeightGradient(Topology.Conv2d s, SpikeEvents in, int steps, double[] g,
                                                    double[] before) {
        int k = s.kernel();
        int h = s.height();
        int wd = s.width();
        int oh = s.outHeight();
        int ow = s.outWidth();
        double[] gw = before.clone();
        for (int o = 0; o < s.outChannels(); o++) {
            for (int c = 0; c < s.inChannels(); c++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        double sum = 0;
                        for (int t = 0; t < steps; t++) {
                            for (int e = in.from(t); e < in.to(t); e++) {
                                int i = in.neuron(e);
                                int oy = (i / wd) % h - ky;
                                int ox = i % wd - kx;
                                if (i / (h * wd) == c && oy >= 0 && oy < oh && ox >= 0 && ox < ow) {
                                    sum += in.value(e) * g[((t * s.outChannels() + o) * oh + oy) * ow + ox];
                                }
                            }
                        }
                        gw[((o * s.inChannels() + c) * k + ky) * k + kx] += sum;
                    }
                }
            }
        }
        return gw;
    }

    /** gin[t][c][y][x] = the sum over (o, ky, kx) of w[o][c][ky][kx] g[t][o][y-ky][x-kx]. */
    private static double[] referenceInputGradient(Topology.Conv2d s, int steps, double[] w, double[] g) {
        int k = s.kernel();
        int h = s.height();
        int wd = s.width();
        int oh = s.outHeight();
        int ow = s.outWidth();
        double[] gin = new double[steps * pre(s)];
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < s.inChannels(); c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < wd; x++) {
                        double sum = 0;
                        for (int o = 0; o < s.outChannels(); o++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int oy = y - ky;
                                    int ox = x - kx;
                                    if (oy >= 0 && oy < oh && ox >= 0 && ox < ow) {
                                        sum += w[((o * s.inChannels() + c) * k + ky) * k + kx]
                                                * g[((t * s.outChannels() + o) * oh + oy) * ow + ox];
                                    }
                                }
                            }
                        }
                        gin[((t * s.inChannels() + c) * h + y) * wd + x] = sum;
                    }
                }
            }
        }
        return gin;
    }
}
