package io.delaynet.stepped.network;

import io.delaynet.model.Topology;
import java.util.Arrays;

/**
 * A valid, stride-1 convolution (cross-correlation, no bias): output
 * {@code x[o][oy][ox] = sum_{c,ky,kx} w[o][c][ky][kx] in[c][oy+ky][ox+kx]}.
 *
 * <p>Forward and weight gradient go over the input's events (spikes are sparse); the input
 * gradient is the full correlation of the dense dL/d arrival with the flipped kernel, computed as
 * a scatter of each output plane, tap by tap, so the innermost loop runs along image rows with
 * unit stride in both arrays (no im2col buffer). Planes of an all-zero gradient are skipped.
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

    @Override
    public void weightGradient(SpikeEvents in, int steps, double[] g, double[] gw) {
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
        int inPlane = h * wd;
        int pre = channels * inPlane;
        Arrays.fill(gin, 0, steps * pre, 0.0);
        for (int t = 0; t < steps; t++) {
            int row = t * outs * plane;
            for (int o = 0; o < outs; o++) {
                int gBase = row + o * plane;
                if (zero(g, gBase, plane)) {
                    continue;
                }
                for (int c = 0; c < channels; c++) {
                    int inBase = t * pre + c * inPlane;
                    int wBase = (o * channels + c) * k * k;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            double wv = w[wBase + ky * k + kx];
                            if (wv == 0) {
                                continue;
                            }
                            for (int oy = 0; oy < oh; oy++) {
                                int to = inBase + (oy + ky) * wd + kx;
                                int from = gBase + oy * ow;
                                for (int ox = 0; ox < ow; ox++) {
                                    gin[to + ox] += wv * g[from + ox];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static boolean zero(double[] a, int from, int length) {
        for (int q = from; q < from + length; q++) {
            if (a[q] != 0) {
                return false;
            }
        }
        return true;
    }
}
