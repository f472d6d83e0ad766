package io.delaynet.stepped.network;

import io.delaynet.model.Topology;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Conv2dMap}'s whole-window kernels, bit-identical to its plain
 * loops: every output is the same sum of the same products in the same order. What changes is
 * where the running sums live: the plain loops add each term to an array in memory (and, in the
 * input gradient, re-read values stored a few lanes away a moment before, which stalls the
 * store-to-load forwarding), whereas here a few SIMD registers hold a block of outputs while all
 * their terms are added, and memory is written once per output.
 *
 * <p>Terms the plain loops leave out (a tap off the image, an input that did not spike, a zero
 * weight or an all-zero gradient plane) are added here as {@code x * 0}. That is a signed zero, and
 * adding a signed zero to a sum that starts at +0 never changes it (a sum that starts at +0 is
 * never -0), so the results stay bit-identical for finite weights and gradients. Multiplication
 * and addition stay separate operations (Java never fuses them), lane by lane as the scalar code.
 *
 * <p>Only {@link Conv2dMap} calls this class, and only when the {@code jdk.incubator.vector} module
 * is present, so a JVM without it never loads it. Scratch arrays are per thread.
 */
final class Conv2dVectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Independent running sums per block: enough to hide the latency of a vector addition. */
    private static final int BLOCK = 4;

    private Conv2dVectorKernels() {
    }

    /** Output channels rounded up to whole vectors. */
    private static int paddedChannels(int outs) {
        return (outs + LANES - 1) / LANES * LANES;
    }

    /**
     * Whether every step lists its events in increasing neuron order (as the engine builds them):
     * then an output's terms, which the plain loop adds in event order, come in the order of
     * (input channel, ky, kx), which the gather below follows.
     */
    static boolean ordered(SpikeEvents in, int steps) {
        for (int t = 0; t < steps; t++) {
            for (int e = in.from(t) + 1; e < in.to(t); e++) {
                if (in.neuron(e) <= in.neuron(e - 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The forward pass over the whole window as a gather: for each step and output position the
     * sums of all output channels ({@link #BLOCK} neighbouring positions at once, one vector of
     * channels each) run over (input channel, ky, kx) against the weights transposed to
     * {@code [c][ky][kx][o]}, reading the step's input as a dense image. Requires {@link #ordered}.
     */
    static void scatterWindow(Topology.Conv2d shape, SpikeEvents in, int steps, double[] w, double[] arrival) {
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int outs = shape.outChannels();
        int channels = shape.inChannels();
        int h = shape.height();
        int wd = shape.width();
        int plane = oh * ow;
        int post = outs * plane;
        int pre = channels * h * wd;
        int padded = paddedChannels(outs);
        int taps = channels * k * k;
        Scratch s = Scratch.get();
        double[] wt = s.weights(taps * padded);
        Arrays.fill(wt, 0, taps * padded, 0.0);
        for (int o = 0; o < outs; o++) {
            for (int q = 0; q < taps; q++) {
                wt[q * padded + o] = w[o * taps + q];
            }
        }
        double[] image = s.image(pre);
        double[] sums = s.sums(BLOCK * padded);
        for (int t = 0; t < steps; t++) {
            Arrays.fill(image, 0, pre, 0.0);
            for (int e = in.from(t); e < in.to(t); e++) {
                image[in.neuron(e)] = in.value(e);
            }
            int row = t * post;
            for (int oy = 0; oy < oh; oy++) {
                int ox = 0;
                for (; ox + BLOCK <= ow; ox += BLOCK) {
                    for (int ob = 0; ob < padded; ob += LANES) {
                        gatherFour(image, wt, channels, h, wd, k, padded, oy, ox, ob, sums);
                    }
                    for (int j = 0; j < BLOCK; j++) {
                        int to = row + oy * ow + ox + j;
                        for (int o = 0; o < outs; o++) {
                            arrival[to + o * plane] += sums[j * padded + o];
                        }
                    }
                }
                for (; ox < ow; ox++) {
                    for (int ob = 0; ob < padded; ob += LANES) {
                        gatherOne(image, wt, channels, h, wd, k, padded, oy, ox, ob, sums);
                    }
                    int to = row + oy * ow + ox;
                    for (int o = 0; o < outs; o++) {
                        arrival[to + o * plane] += sums[o];
                    }
                }
            }
        }
    }

    /** Channels ob.. of outputs (oy, ox..ox+3) into {@code sums[j * padded + ob ..]}. */
    private static void gatherFour(double[] image, double[] wt, int channels, int h, int wd, int k, int padded,
                                   int oy, int ox, int ob, double[] sums) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                int at = (c * h + oy + ky) * wd + ox;
                int tap = ((c * k + ky) * k) * padded + ob;
                for (int kx = 0; kx < k; kx++) {
                    DoubleVector wv = DoubleVector.fromArray(SPECIES, wt, tap + kx * padded);
                    s0 = s0.add(wv.mul(image[at + kx]));
                    s1 = s1.add(wv.mul(image[at + kx + 1]));
                    s2 = s2.add(wv.mul(image[at + kx + 2]));
                    s3 = s3.add(wv.mul(image[at + kx + 3]));
                }
            }
        }
        s0.intoArray(sums, ob);
        s1.intoArray(sums, padded + ob);
        s2.intoArray(sums, 2 * padded + ob);
        s3.intoArray(sums, 3 * padded + ob);
    }

    /** Channels ob.. of output (oy, ox) into {@code sums[ob ..]}. */
    private static void gatherOne(double[] image, double[] wt, int channels, int h, int wd, int k, int padded,
                                  int oy, int ox, int ob, double[] sums) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                int at = (c * h + oy + ky) * wd + ox;
                int tap = ((c * k + ky) * k) * padded + ob;
                for (int kx = 0; kx < k; kx++) {
                    s0 = s0.add(DoubleVector.fromArray(SPECIES, wt, tap + kx * padded).mul(image[at + kx]));
                }
            }
        }
        s0.intoArray(sums, ob);
    }

    /**
     * dL/dw: each weight's sum runs over the events of its input channel in their order (the plain
     * loop's), one vector of output channels at a time. The events are first sorted by channel,
     * stably, and the gradient laid out {@code [oy][ox][t][o]} with a border of k - 1 zero
     * positions all round, so that a tap that falls off the output reads a zero instead of taking
     * a branch; {@link #BLOCK} taps run at once, as independent sums.
     */
    static void weightGradient(Topology.Conv2d shape, SpikeEvents in, int steps, double[] g, double[] gw) {
        int h = shape.height();
        int wd = shape.width();
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int outs = shape.outChannels();
        int channels = shape.inChannels();
        int kk = k * k;
        int taps = channels * kk;
        int plane = oh * ow;
        int post = outs * plane;
        int padded = paddedChannels(outs);
        int border = k - 1;
        int wide = ow + 2 * border; // the bordered gradient's width; its height is oh + 2 * border
        int position = steps * padded; // the distance between neighbouring positions
        Scratch s = Scratch.get();
        int length = (oh + 2 * border) * wide * position;
        double[] gt = s.gradient(length);
        Arrays.fill(gt, 0, length, 0.0);
        for (int t = 0; t < steps; t++) {
            for (int o = 0; o < outs; o++) {
                int from = t * post + o * plane;
                for (int oy = 0; oy < oh; oy++) {
                    int to = ((oy + border) * wide + border) * position + t * padded + o;
                    for (int ox = 0; ox < ow; ox++) {
                        gt[to + ox * position] = g[from + oy * ow + ox];
                    }
                }
            }
        }
        int events = in.to(steps - 1);
        int[] first = s.channelStarts(channels + 1);
        Arrays.fill(first, 0, channels + 1, 0);
        int plane0 = h * wd;
        for (int e = 0; e < events; e++) {
            first[in.neuron(e) / plane0 + 1]++;
        }
        for (int c = 0; c < channels; c++) {
            first[c + 1] += first[c];
        }
        // per event, where tap (0, 0) reads: output (y, x) in bordered coordinates
        int[] at = s.eventOffsets(events);
        double[] vs = s.values(events);
        int[] next = s.cursor(channels);
        System.arraycopy(first, 0, next, 0, channels);
        for (int t = 0; t < steps; t++) {
            for (int e = in.from(t); e < in.to(t); e++) {
                int i = in.neuron(e);
                int slot = next[i / plane0]++;
                int y = (i / wd) % h;
                int x = i % wd;
                at[slot] = ((y + border) * wide + x + border) * position + t * padded;
                vs[slot] = in.value(e);
            }
        }
        int[] shift = s.tapShifts(kk); // how far before tap (0, 0) tap (ky, kx) reads
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                shift[ky * k + kx] = (ky * wide + kx) * position;
            }
        }
        double[] sums = s.sums(BLOCK * padded);
        for (int c = 0; c < channels; c++) {
            int from = first[c];
            int to = first[c + 1];
            int q = 0;
            for (; q + BLOCK <= kk; q += BLOCK) {
                int d0 = shift[q];
                int d1 = shift[q + 1];
                int d2 = shift[q + 2];
                int d3 = shift[q + 3];
                for (int ob = 0; ob < padded; ob += LANES) {
                    DoubleVector s0 = DoubleVector.zero(SPECIES);
                    DoubleVector s1 = s0;
                    DoubleVector s2 = s0;
                    DoubleVector s3 = s0;
                    for (int e = from; e < to; e++) {
                        int a = at[e] + ob;
                        DoubleVector v = DoubleVector.broadcast(SPECIES, vs[e]);
                        s0 = s0.add(DoubleVector.fromArray(SPECIES, gt, a - d0).mul(v));
                        s1 = s1.add(DoubleVector.fromArray(SPECIES, gt, a - d1).mul(v));
                        s2 = s2.add(DoubleVector.fromArray(SPECIES, gt, a - d2).mul(v));
                        s3 = s3.add(DoubleVector.fromArray(SPECIES, gt, a - d3).mul(v));
                    }
                    s0.intoArray(sums, ob);
                    s1.intoArray(sums, padded + ob);
                    s2.intoArray(sums, 2 * padded + ob);
                    s3.intoArray(sums, 3 * padded + ob);
                }
                for (int j = 0; j < BLOCK; j++) {
                    int weight = c * kk + q + j;
                    for (int o = 0; o < outs; o++) {
                        gw[o * taps + weight] += sums[j * padded + o];
                    }
                }
            }
            for (; q < kk; q++) {
                int d0 = shift[q];
                for (int ob = 0; ob < padded; ob += LANES) {
                    DoubleVector s0 = DoubleVector.zero(SPECIES);
                    for (int e = from; e < to; e++) {
                        s0 = s0.add(DoubleVector.fromArray(SPECIES, gt, at[e] + ob - d0).mul(vs[e]));
                    }
                    s0.intoArray(sums, ob);
                }
                int weight = c * kk + q;
                for (int o = 0; o < outs; o++) {
                    gw[o * taps + weight] += sums[o];
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
                            }
                        }
                    }
                    s0.intoArray(it, out + b);
                    s1.intoArray(it, out + b + LANES);
                    s2.intoArray(it, out + b + 2 * LANES);
                    s3.intoArray(it, out + b + 3 * LANES);
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
        private double[] sums = new double[0];
        private double[] gradient = new double[0];
        private double[] values = new double[0];
        private int[] channelStarts = new int[0];
        private int[] cursor = new int[0];
        private int[] eventOffsets = new int[0];
        private int[] tapShifts = new int[0];

        static Scratch get() {
            return LOCAL.get();
        }

        double[] weights(int n) {
            return weights.length >= n ? weights : (weights = new double[n]);
        }

        double[] image(int n) {
            return image.length >= n ? image : (image = new double[n]);
        }

        double[] sums(int n) {
            return sums.length >= n ? sums : (sums = new double[n]);
        }

        double[] gradient(int n) {
            return gradient.length >= n ? gradient : (gradient = new double[n]);
        }

        double[] values(int n) {
            return values.length >= n ? values : (values = new double[n]);
        }

        int[] channelStarts(int n) {
            return channelStarts.length >= n ? channelStarts : (channelStarts = new int[n]);
        }

        int[] cursor(int n) {
            return cursor.length >= n ? cursor : (cursor = new int[n]);
        }

        int[] eventOffsets(int n) {
            return eventOffsets.length >= n ? eventOffsets : (eventOffsets = new int[n]);
        }

        int[] tapShifts(int n) {
            return tapShifts.length >= n ? tapShifts : (tapShifts = new int[n]);
        }
    }
}
