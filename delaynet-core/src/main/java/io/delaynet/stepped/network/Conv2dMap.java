package io.delaynet.stepped.network;

import io.delaynet.model.Topology;
import java.util.Arrays;

/**
 * A valid, stride-1 convolution (cross-correlation, no bias): output
 * {@code x[o][oy][ox] = sum_{c,ky,kx} w[o][c][ky][kx] in[c][oy+ky][ox+kx]}.
 *
 * <p>Forward and weight gradient go over the input's events (spikes are sparse); the input
 * gradient is the full correlation of the dense dL/d arrival with the flipped kernel, computed as
 * a scatter of each output plane, tap by tap, on time-innermost copies so that the innermost loop
 * runs along image rows and steps with unit stride in both arrays (no im2col buffer). Planes of an
 * all-zero gradient are skipped.
 */
record Conv2dMap(Topology.Conv2d shape) implements SpatialMap {

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
     * The whole window at once: as {@link #scatter} for every step when the input is sparse; when it
     * is dense enough (more than one event in four of what the dense loops touch), on
     * time-innermost copies, each output summed over (c, ky, kx, oy) in a fixed order, runs of
     * {@code outWidth * steps} values. Which way is taken depends on the input alone.
     */
    @Override
    public void scatterWindow(SpikeEvents in, int steps, double[] w, double[] arrival) {
        if (!denseEnough(in, steps)) {
            for (int t = 0; t < steps; t++) {
                scatter(in, t, w, arrival);
            }
            return;
        }
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int outs = shape.outChannels();
        int channels = shape.inChannels();
        int wd = shape.width();
        int plane = oh * ow;
        int post = outs * plane;
        double[][] scratch = scratch(steps);
        double[] xt = timeMajorInput(in, steps, scratch[1]);
        double[] at = scratch[0];
        java.util.Arrays.fill(at, 0, post * steps, 0.0);
        int run = ow * steps;
        int inPlane = shape.height() * wd * steps;
        for (int o = 0; o < outs; o++) {
            int aPlane = o * plane * steps;
            for (int c = 0; c < channels; c++) {
                int wBase = (o * channels + c) * k * k;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        double wv = w[wBase + ky * k + kx];
                        for (int oy = 0; oy < oh; oy++) {
                            int from = c * inPlane + ((oy + ky) * wd + kx) * steps;
                            int to = aPlane + oy * run;
                            for (int q = 0; q < run; q++) {
                                at[to + q] += wv * xt[from + q];
                            }
                        }
                    }
                }
            }
        }
        for (int j = 0; j < post; j++) {
            for (int t = 0; t < steps; t++) {
                arrival[t * post + j] += at[j * steps + t];
            }
        }
    }

    /** Whether the dense loops beat the event loops for this input (a property of the input alone). */
    private boolean denseEnough(SpikeEvents in, int steps) {
        long events = in.to(steps - 1) - in.from(0);
        return 4 * events > (long) shape.inChannels() * shape.outHeight() * shape.outWidth() * steps;
    }

    /** The input's events as a dense {@code [c][y][x][t]} array in {@code into}. */
    private double[] timeMajorInput(SpikeEvents in, int steps, double[] into) {
        int pre = shape.inChannels() * shape.height() * shape.width();
        java.util.Arrays.fill(into, 0, pre * steps, 0.0);
        for (int t = 0; t < steps; t++) {
            for (int e = in.from(t); e < in.to(t); e++) {
                into[in.neuron(e) * steps + t] += in.value(e);
            }
        }
        return into;
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

    @Override
    public void weightGradient(SpikeEvents in, int steps, double[] g, double[] gw) {
        if (denseEnough(in, steps)) {
            denseWeightGradient(in, steps, g, gw);
            return;
        }
        int h = shape.height();
        int wd = shape.width();
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int outs = shape.outChannels();
        int channels = shape.inChannels();
        int plane = oh * ow;
        for (int t = 0; t < steps; t++) {
            int row = t * outs * plane;
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
                for (int o = 0; o < outs; o++) {
                    int wBase = (o * channels + c) * k * k;
                    int aBase = row + o * plane;
                    for (int ky = kyFrom; ky <= kyTo; ky++) {
                        int wRow = wBase + ky * k;
                        int aRow = aBase + (y - ky) * ow + x;
                        for (int kx = kxFrom; kx <= kxTo; kx++) {
                            gw[wRow + kx] += v * g[aRow - kx];
                        }
                    }
                }
            }
        }
    }

    /** dL/dw[o][c][ky][kx] += sum_{oy} (run of ox and t) on time-innermost copies of the input and gradient. */
    private void denseWeightGradient(SpikeEvents in, int steps, double[] g, double[] gw) {
        int k = shape.kernel();
        int oh = shape.outHeight();
        int ow = shape.outWidth();
        int outs = shape.outChannels();
        int channels = shape.inChannels();
        int wd = shape.width();
        int plane = oh * ow;
        int post = outs * plane;
        double[][] scratch = scratch(steps);
        double[] xt = timeMajorInput(in, steps, scratch[1]);
        double[] gt = scratch[0];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < post; j++) {
                gt[j * steps + t] = g[t * post + j];
            }
        }
        int run = ow * steps;
        int inPlane = shape.height() * wd * steps;
        for (int o = 0; o < outs; o++) {
            int gPlane = o * plane * steps;
            for (int c = 0; c < channels; c++) {
                int wBase = (o * channels + c) * k * k;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        double sum = 0;
                        for (int oy = 0; oy < oh; oy++) {
                            int from = c * inPlane + ((oy + ky) * wd + kx) * steps;
                            int at = gPlane + oy * run;
                            for (int q = 0; q < run; q++) {
                                sum += xt[from + q] * gt[at + q];
                            }
                        }
                        gw[wBase + ky * k + kx] += sum;
                    }
                }
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
            new double[0], new double[0]});

    private static boolean zero(double[] a, int from, int length) {
        for (int q = from; q < from + length; q++) {
            if (a[q] != 0) {
                return false;
            }
        }
        return true;
    }
}
