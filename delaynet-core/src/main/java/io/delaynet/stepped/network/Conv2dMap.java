package io.delaynet.stepped.network;

import io.delaynet.model.Topology;
import java.util.Arrays;

/**
 * A valid, stride-1 convolution (cross-correlation, no bias): output
 * {@code x[o][oy][ox] = sum_{c,ky,kx} w[o][c][ky][kx] in[c][oy+ky][ox+kx]}.
 *
 * <p>Forward and weight gradient go over the input's events (spikes are sparse, so the cost
 * follows their number), with the output channels innermost: the weights and the gradient are
 * transposed so that one event and one kernel tap touch one contiguous run of {@code outChannels}
 * values, which the compiler vectorises (no reductions, so no reordering it would refuse). The
 * input gradient is the full correlation of the dense dL/d arrival with the flipped kernel,
 * computed as a scatter of each output plane, tap by tap, on time-innermost copies so that the
 * innermost loop runs along image rows and steps with unit stride (no im2col buffer). Planes of
 * an all-zero gradient are skipped. The scratch copies are per thread.
 *
 * <p>These are the plain loops; where the Vector API is present the whole-window kernels run as
 * {@link Conv2dVectorKernels} instead, which give the same bits (Conv2dKernelsTest pins both
 * against a literal transcription of the sums).
 */
record Conv2dMap(Topology.Conv2d shape) implements SpatialMap {
    /**
     * Whether the whole-window kernels run as {@link Conv2dVectorKernels} (same results, several
     * times faster): when the {@code jdk.incubator.vector} module is present, as the launcher and
     * the tests arrange.
     */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    @Override
    public Topology topology() {
        return shape;
    }

    @Override
    public void scatter(SpikeEvents in, int t, double[] w, double[] arrival) {
        int h = shape.height();
        int wd = shape.width();
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int outs = shape.outChannels();
        int channels = shape.inChannels();
        int plane = oh * ow;
        int row = t * outs * plane;
        for (int e = in.from(t); e < in.to(t); e++) {
            int i = in.neuron(e);
            double v = in.value(e);
            int c = i / (h * wd);
            int y = (i / wd) % h;
            int x = i % wd;
            // output rows oy = y - ky and columns ox = x - kx that exist
            int kyFrom = Math.max(0, y - oh + 1);
            int kyTo = Math.min(k - 1, y);
            int kxFrom = Math.max(0, x - ow + 1);
            int kxTo = Math.min(k - 1, x);
            for (int o = 0; o < outs; o++) {
                int wBase = (o * channels + c) * k * k;
                int aBase = row + o * plane;
                for (int ky = kyFrom; ky <= kyTo; ky++) {
                    int wRow = wBase + ky * k;
                    int aRow = aBase + (y - ky) * ow + x;
                    for (int kx = kxFrom; kx <= kxTo; kx++) {
                        arrival[aRow - kx] += v * w[wRow + kx];
                    }
                }
            }
        }
    }

    /**
     * The whole window at once, event by event, into a copy laid out {@code [oy][ox][t][o]}: for
     * one event and one kernel tap the terms of all output channels are one contiguous run, summed
     * against the weights transposed to {@code [c][ky][kx][o]}. Each output is summed over the
     * events in order and, per event, over (ky, kx) in order.
     */
    @Override
    public void scatterWindow(SpikeEvents in, int steps, double[] w, double[] arrival) {
        if (VECTOR) {
            Conv2dVectorKernels.scatterWindow(shape, in, steps, w, arrival);
        } else {
            plainScatterWindow(in, steps, w, arrival);
        }
    }

    /** The plain-Java form of {@link #scatterWindow}, also the fallback without the Vector API. */
    void plainScatterWindow(SpikeEvents in, int steps, double[] w, double[] arrival) {
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int outs = shape.outChannels();
        int h = shape.height();
        int wd = shape.width();
        int plane = oh * ow;
        int post = outs * plane;
        double[][] scratch = scratch(steps);
        double[] at = scratch[0];
        double[] wt = transposedWeights(w, scratch);
        Arrays.fill(at, 0, post * steps, 0.0);
        for (int t = 0; t < steps; t++) {
            for (int e = in.from(t); e < in.to(t); e++) {
                int i = in.neuron(e);
                double v = in.value(e);
                int c = i / (h * wd);
                int y = (i / wd) % h;
                int x = i % wd;
                int kyFrom = Math.max(0, y - oh + 1);
                int kyTo = Math.min(k - 1, y);
                int kxFrom = Math.max(0, x - ow + 1);
                int kxTo = Math.min(k - 1, x);
                for (int ky = kyFrom; ky <= kyTo; ky++) {
                    for (int kx = kxFrom; kx <= kxTo; kx++) {
                        int to = (((y - ky) * ow + (x - kx)) * steps + t) * outs;
                        int from = ((c * k + ky) * k + kx) * outs;
                        for (int o = 0; o < outs; o++) {
                            at[to + o] += v * wt[from + o];
                        }
                    }
                }
            }
        }
        for (int p = 0; p < plane; p++) {
            for (int t = 0; t < steps; t++) {
                int from = (p * steps + t) * outs;
                int to = t * post + p;
                for (int o = 0; o < outs; o++) {
                    arrival[to + o * plane] += at[from + o];
                }
            }
        }
    }

    /** The weights as {@code [c][ky][kx][o]}, in the scratch's third array. */
    private double[] transposedWeights(double[] w, double[][] scratch) {
        int k = shape.kernel();
        int outs = shape.outChannels();
        int taps = shape.inChannels() * k * k;
        double[] wt = tapScratch(scratch);
        for (int o = 0; o < outs; o++) {
            for (int q = 0; q < taps; q++) {
                wt[q * outs + o] = w[o * taps + q];
            }
        }
        return wt;
    }

    /** The scratch's third array, at least one double per weight ({@code [c][ky][kx][o]} layouts). */
    private double[] tapScratch(double[][] scratch) {
        int weights = shape.outChannels() * shape.inChannels() * shape.kernel() * shape.kernel();
        if (scratch[2].length < weights) {
            scratch[2] = new double[weights];
        }
        return scratch[2];
    }

    private double[][] scratch(int steps) {
        int post = shape.outChannels() * shape.outHeight() * shape.outWidth();
        int pre = shape.inChannels() * shape.height() * shape.width();
        double[][] scratch = SCRATCH.get();
        if (scratch[0].length < post * steps || scratch[1].length < pre * steps) {
            scratch[0] = new double[post * steps];
            scratch[1] = new double[pre * steps];
        }
        return scratch;
    }

    /**
     * dL/dw over the sample's events: with the gradient copied to {@code [oy][ox][t][o]}, one event
     * and one tap add a contiguous run over the output channels to an accumulator laid out
     * {@code [c][ky][kx][o]}, which is then added to {@code gw} in its own layout.
     */
    @Override
    public void weightGradient(SpikeEvents in, int steps, double[] g, double[] gw) {
        if (VECTOR) {
            Conv2dVectorKernels.weightGradient(shape, in, steps, g, gw);
        } else {
            plainWeightGradient(in, steps, g, gw);
        }
    }

    /** The plain-Java form of {@link #weightGradient}, also the fallback without the Vector API. */
    void plainWeightGradient(SpikeEvents in, int steps, double[] g, double[] gw) {
        int h = shape.height();
        int wd = shape.width();
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int outs = shape.outChannels();
        int taps = shape.inChannels() * k * k;
        int plane = oh * ow;
        int post = outs * plane;
        double[][] scratch = scratch(steps);
        double[] gt = scratch[0];
        for (int t = 0; t < steps; t++) {
            for (int o = 0; o < outs; o++) {
                int from = t * post + o * plane;
                for (int p = 0; p < plane; p++) {
                    gt[(p * steps + t) * outs + o] = g[from + p];
                }
            }
        }
        double[] acc = tapScratch(scratch);
        Arrays.fill(acc, 0, outs * taps, 0.0);
        for (int t = 0; t < steps; t++) {
            for (int e = in.from(t); e < in.to(t); e++) {
                int i = in.neuron(e);
                double v = in.value(e);
                int c = i / (h * wd);
                int y = (i / wd) % h;
                int x = i % wd;
                int kyFrom = Math.max(0, y - oh + 1);
                int kyTo = Math.min(k - 1, y);
                int kxFrom = Math.max(0, x - ow + 1);
                int kxTo = Math.min(k - 1, x);
                for (int ky = kyFrom; ky <= kyTo; ky++) {
                    for (int kx = kxFrom; kx <= kxTo; kx++) {
                        int from = (((y - ky) * ow + (x - kx)) * steps + t) * outs;
                        int to = ((c * k + ky) * k + kx) * outs;
                        for (int o = 0; o < outs; o++) {
                            acc[to + o] += v * gt[from + o];
                        }
                    }
                }
            }
        }
        for (int o = 0; o < outs; o++) {
            for (int q = 0; q < taps; q++) {
                gw[o * taps + q] += acc[q * outs + o];
            }
        }
    }

    /**
     * dL/d input[t][c][y][x] = sum_{o,ky,kx} w[o][c][ky][kx] g[t][o][y-ky][x-kx]. The gradient is
     * first transposed to time-innermost, {@code [o][oy][ox][t]}, and the result built in
     * {@code [c][y][x][t]}: then, for one output row and one tap, the terms form one contiguous run
     * of {@code outWidth * steps} values in both arrays, long enough for the compiler to vectorise.
     * Each input value is summed over (o, ky, kx, oy) in a fixed order.
     */
    @Override
    public void inputGradient(int steps, double[] w, double[] g, double[] gin) {
        if (VECTOR) {
            Conv2dVectorKernels.inputGradient(shape, steps, w, g, gin);
        } else {
            plainInputGradient(steps, w, g, gin);
        }
    }

    /** The plain-Java form of {@link #inputGradient}, also the fallback without the Vector API. */
    void plainInputGradient(int steps, double[] w, double[] g, double[] gin) {
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
        double[][] scratch = scratch(steps);
        double[] gt = scratch[0];
        double[] it = scratch[1];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < post; j++) {
                gt[j * steps + t] = g[t * post + j];
            }
        }
        java.util.Arrays.fill(it, 0, pre * steps, 0.0);
        int run = ow * steps;
        for (int o = 0; o < outs; o++) {
            int gPlane = o * plane * steps;
            if (zero(gt, gPlane, plane * steps)) {
                continue;
            }
            for (int c = 0; c < channels; c++) {
                int wBase = (o * channels + c) * k * k;
                int inPlane = c * h * wd * steps;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        double wv = w[wBase + ky * k + kx];
                        if (wv == 0) {
                            continue;
                        }
                        for (int oy = 0; oy < oh; oy++) {
                            int to = inPlane + ((oy + ky) * wd + kx) * steps;
                            int from = gPlane + oy * run;
                            for (int q = 0; q < run; q++) {
                                it[to + q] += wv * gt[from + q];
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < pre; i++) {
            for (int t = 0; t < steps; t++) {
                gin[t * pre + i] = it[i * steps + t];
            }
        }
    }

    /** Per-thread transposes of the gradient and the input gradient (a sample runs on one thread). */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {
            new double[0], new double[0], new double[0]});

    private static boolean zero(double[] a, int from, int length) {
        for (int q = from; q < from + length; q++) {
            if (a[q] != 0) {
                return false;
            }
        }
        return true;
    }
}
