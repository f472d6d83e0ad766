package io.delaynet.stepped.network;

import io.delaynet.model.Topology;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Conv2dMap}'s whole-window kernels, bit-identical to its plain
 * loops: every output is the same sum of the same products in the same order, and multiplication
 * and addition stay separate operations (Java never fuses them), lane by lane as the scalar code.
 *
 * <p>The forward pass and the weight gradient are the plain loops' event-by-event scatters with
 * the output channels padded to whole vectors: one vector operation per {@code LANES} channels
 * instead of a short loop that the compiler splits into a vector body and a scalar tail. The
 * input gradient keeps its sums in registers instead: {@link #BLOCK} vectors of one input row
 * while all their terms are added, so memory is written once per value.
 *
 * <p>Terms the plain input gradient leaves out (a tap off the image, a zero weight, an all-zero
 * gradient plane) are added there as {@code x * 0}. That is a signed zero, and adding a signed zero
 * to a sum that starts at +0 never changes it (such a sum is never -0), so the results stay
 * bit-identical for finite weights and gradients.
 *
 * <p>Only {@link Conv2dMap} calls this class, and only when the {@code jdk.incubator.vector} module
 * is present, so a JVM without it never loads it. Scratch arrays are per thread.
 */
final class Conv2dVectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /**
     * Vectors of an input row whose sums the input gradient keeps in registers at once: independent
     * sums that hide the latency of a vector addition, few enough for AVX2's 16 registers (8 measured
     * 1.5x faster than 4 on AVX-512).
     */
    private static final int BLOCK = 8;

    private Conv2dVectorKernels() {
    }

    /** Output channels rounded up to whole vectors. */
    private static int paddedChannels(int outs) {
        return (outs + LANES - 1) / LANES * LANES;
    }

    /**
     * The forward pass over the whole window, the plain loop's event by event scatter into
     * {@code [oy][ox][t][o]} with the output channels as whole vectors: per event and tap, one
     * vector operation per {@code LANES} output channels instead of a short loop the compiler
     * splits into a vector body and a scalar tail.
     */
    static void scatterWindow(Topology.Conv2d shape, SpikeEvents in, int steps, double[] w, double[] arrival) {
        int k = shape.kernel();
        int outs = shape.outChannels();
        int plane = shape.outHeight() * shape.outWidth();
        int post = outs * plane;
        int padded = paddedChannels(outs);
        int taps = shape.inChannels() * k * k;
        Scratch s = Scratch.get();
        double[] wt = s.weights(taps * padded);
        Arrays.fill(wt, 0, taps * padded, 0.0);
        for (int o = 0; o < outs; o++) {
            for (int q = 0; q < taps; q++) {
                wt[q * padded + o] = w[o * taps + q];
            }
        }
        double[] at = s.gradient(plane * steps * padded);
        Arrays.fill(at, 0, plane * steps * padded, 0.0);
        scatterEventsByTap(shape, in, steps, padded, wt, at, false);
        for (int p = 0; p < plane; p++) {
            for (int t = 0; t < steps; t++) {
                int from = (p * steps + t) * padded;
                int to = t * post + p;
                for (int o = 0; o < outs; o++) {
                    arrival[to + o * plane] += at[from + o];
                }
            }
        }
    }

    /**
     * dL/dw, the plain loop's scatter with the output channels as whole vectors: the gradient is
     * laid out {@code [oy][ox][t][o]} and each event and tap adds a run of vectors to an
     * accumulator laid out {@code [c][ky][kx][o]}, which is then added to {@code gw}.
     */
    static void weightGradient(Topology.Conv2d shape, SpikeEvents in, int steps, double[] g, double[] gw) {
        int k = shape.kernel();
        int outs = shape.outChannels();
        int plane = shape.outHeight() * shape.outWidth();
        int post = outs * plane;
        int padded = paddedChannels(outs);
        int taps = shape.inChannels() * k * k;
        Scratch s = Scratch.get();
        double[] gt = s.gradient(plane * steps * padded);
        Arrays.fill(gt, 0, plane * steps * padded, 0.0);
        for (int t = 0; t < steps; t++) {
            for (int o = 0; o < outs; o++) {
                int from = t * post + o * plane;
                for (int p = 0; p < plane; p++) {
                    gt[(p * steps + t) * padded + o] = g[from + p];
                }
            }
        }
        double[] acc = s.weights(taps * padded);
        Arrays.fill(acc, 0, taps * padded, 0.0);
        scatterEventsByTap(shape, in, steps, padded, acc, gt, true);
        for (int o = 0; o < outs; o++) {
            for (int q = 0; q < taps; q++) {
                gw[o * taps + q] += acc[q * padded + o];
            }
        }
    }

    /**
     * The event-by-tap walk that the forward pass and the weight gradient share: for every input
     * event and every kernel tap that puts it inside the output, a run of {@code padded} values of
     * the tap array ({@code [c][ky][kx][o]}) meets a run of the position array ({@code
     * [oy][ox][t][o]}), times the event's value. The forward pass adds into the positions
     * ({@code intoTaps} false: arrival += value * weight); the weight gradient adds into the taps
     * (true: dL/dw += value * gradient). Either way each sum takes its terms in event order.
     */
    private static void scatterEventsByTap(Topology.Conv2d shape, SpikeEvents in, int steps, int padded,
                                           double[] tapArray, double[] positionArray, boolean intoTaps) {
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int h = shape.height();
        int wd = shape.width();
        for (int t = 0; t < steps; t++) {
            for (int e = in.from(t); e < in.to(t); e++) {
                int i = in.neuron(e);
                DoubleVector v = DoubleVector.broadcast(SPECIES, in.value(e));
                int c = i / (h * wd);
                int y = (i / wd) % h;
                int x = i % wd;
                int kyFrom = Math.max(0, y - oh + 1);
                int kyTo = Math.min(k - 1, y);
                int kxFrom = Math.max(0, x - ow + 1);
                int kxTo = Math.min(k - 1, x);
                for (int ky = kyFrom; ky <= kyTo; ky++) {
                    for (int kx = kxFrom; kx <= kxTo; kx++) {
                        int position = (((y - ky) * ow + (x - kx)) * steps + t) * padded;
                        int tap = ((c * k + ky) * k + kx) * padded;
                        double[] into = intoTaps ? tapArray : positionArray;
                        double[] by = intoTaps ? positionArray : tapArray;
                        int to = intoTaps ? tap : position;
                        int from = intoTaps ? position : tap;
                        for (int ob = 0; ob < padded; ob += LANES) {
                            DoubleVector.fromArray(SPECIES, into, to + ob)
                                    .add(v.mul(DoubleVector.fromArray(SPECIES, by, from + ob)))
                                    .intoArray(into, to + ob);
                        }
                    }
                }
            }
        }
    }

    /**
     * dL/d input[t][c][y][x] = sum over (o, ky, kx) of w[o][c][ky][kx] g[t][o][y-ky][x-kx], in that
     * order as the plain loop. With the gradient in time-innermost rows {@code [o][oy][ox*steps+t]},
     * padded with zeros on both sides, one input row {@code [y][x*steps+t]} of one channel is a run
     * of vectors, and the tap (ky, kx) adds the gradient row oy = y - ky shifted by kx * steps lanes:
     * {@link #BLOCK} vectors of the input row stay in registers across all (o, ky, kx).
     */
    static void inputGradient(Topology.Conv2d shape, int steps, double[] w, double[] g, double[] gin) {
        int h = shape.height();
        int wd = shape.width();
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int outs = shape.outChannels();
        int channels = shape.inChannels();
        int plane = oh * ow;
        int post = outs * plane;
        int pre = channels * h * wd;
        int width = BLOCK * LANES;
        int rowLanes = (wd * steps + width - 1) / width * width; // an input row, in whole blocks
        int left = (k - 1) * steps; // zeros before each gradient row: the shift of the last tap
        int gRow = left + rowLanes;
        Scratch s = Scratch.get();
        double[] gt = s.gradient(outs * oh * gRow);
        Arrays.fill(gt, 0, outs * oh * gRow, 0.0);
        for (int t = 0; t < steps; t++) {
            for (int o = 0; o < outs; o++) {
                for (int oy = 0; oy < oh; oy++) {
                    int from = t * post + o * plane + oy * ow;
                    int to = (o * oh + oy) * gRow + left + t;
                    for (int ox = 0; ox < ow; ox++) {
                        gt[to + ox * steps] = g[from + ox];
                    }
                }
            }
        }
        double[] it = s.image(channels * h * rowLanes);
        int kk = k * k;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                int kyFrom = Math.max(0, y - oh + 1);
                int kyTo = Math.min(k - 1, y);
                int out = (c * h + y) * rowLanes;
                for (int b = 0; b < rowLanes; b += width) {
                    DoubleVector s0 = DoubleVector.zero(SPECIES);
                    DoubleVector s1 = s0;
                    DoubleVector s2 = s0;
                    DoubleVector s3 = s0;
                    DoubleVector s4 = s0;
                    DoubleVector s5 = s0;
                    DoubleVector s6 = s0;
                    DoubleVector s7 = s0;
                    for (int o = 0; o < outs; o++) {
                        int wBase = (o * channels + c) * kk;
                        for (int ky = kyFrom; ky <= kyTo; ky++) {
                            int src = (o * oh + y - ky) * gRow + left + b;
                            int wRow = wBase + ky * k;
                            for (int kx = 0; kx < k; kx++) {
                                DoubleVector wv = DoubleVector.broadcast(SPECIES, w[wRow + kx]);
                                int at = src - kx * steps;
                                s0 = s0.add(DoubleVector.fromArray(SPECIES, gt, at).mul(wv));
                                s1 = s1.add(DoubleVector.fromArray(SPECIES, gt, at + LANES).mul(wv));
                                s2 = s2.add(DoubleVector.fromArray(SPECIES, gt, at + 2 * LANES).mul(wv));
                                s3 = s3.add(DoubleVector.fromArray(SPECIES, gt, at + 3 * LANES).mul(wv));
                                s4 = s4.add(DoubleVector.fromArray(SPECIES, gt, at + 4 * LANES).mul(wv));
                                s5 = s5.add(DoubleVector.fromArray(SPECIES, gt, at + 5 * LANES).mul(wv));
                                s6 = s6.add(DoubleVector.fromArray(SPECIES, gt, at + 6 * LANES).mul(wv));
                                s7 = s7.add(DoubleVector.fromArray(SPECIES, gt, at + 7 * LANES).mul(wv));
                            }
                        }
                    }
                    s0.intoArray(it, out + b);
                    s1.intoArray(it, out + b + LANES);
                    s2.intoArray(it, out + b + 2 * LANES);
                    s3.intoArray(it, out + b + 3 * LANES);
                    s4.intoArray(it, out + b + 4 * LANES);
                    s5.intoArray(it, out + b + 5 * LANES);
                    s6.intoArray(it, out + b + 6 * LANES);
                    s7.intoArray(it, out + b + 7 * LANES);
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                int from = (c * h + y) * rowLanes;
                int to = (c * h + y) * wd;
                for (int x = 0; x < wd; x++) {
                    for (int t = 0; t < steps; t++) {
                        gin[t * pre + to + x] = it[from + x * steps + t];
                    }
                }
            }
        }
    }

    /** Per-thread buffers, grown on demand (a sample runs on one thread). */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);
        private double[] weights = new double[0];
        private double[] image = new double[0];
        private double[] gradient = new double[0];

        static Scratch get() {
            return LOCAL.get();
        }

        /** The weights or their gradient, {@code [c][ky][kx][o]}. */
        double[] weights(int n) {
            return weights.length >= n ? weights : (weights = new double[n]);
        }

        /** The input gradient, {@code [c][y][x][t]}. */
        double[] image(int n) {
            return image.length >= n ? image : (image = new double[n]);
        }

        /** The output or its gradient, transposed. */
        double[] gradient(int n) {
            return gradient.length >= n ? gradient : (gradient = new double[n]);
        }
    }
}
