package io.delaynet.stepped.network;

import io.delaynet.model.Topology;
import java.util.Arrays;

/**
 * Non-overlapping {@code size x size} sum pooling per channel, times one shared weight
 * {@code w[0]} (NIR's SumPool2d when it is 1, an average pool at {@code 1 / size^2}): every input
 * neuron feeds exactly one output neuron.
 */
record SumPoolMap(Topology.SumPool2d shape) implements SpatialMap {

    @Override
    public Topology topology() {
        return shape;
    }

    /** The output neuron input neuron i feeds. */
    private int target(int i) {
        int h = shape.height();
        int wd = shape.width();
        int s = shape.size();
        int c = i / (h * wd);
        int y = (i / wd) % h;
        int x = i % wd;
        return (c * shape.outHeight() + y / s) * shape.outWidth() + x / s;
    }

    private int post() {
        return shape.channels() * shape.outHeight() * shape.outWidth();
    }

    @Override
    public void scatter(SpikeEvents in, int t, double[] w, double[] arrival) {
        int row = t * post();
        double weight = w[0];
        for (int e = in.from(t); e < in.to(t); e++) {
            arrival[row + target(in.neuron(e))] += in.value(e) * weight;
        }
    }

    @Override
    public void weightGradient(SpikeEvents in, int steps, double[] g, double[] gw) {
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            int row = t * post();
            for (int e = in.from(t); e < in.to(t); e++) {
                sum += in.value(e) * g[row + target(in.neuron(e))];
            }
        }
        gw[0] += sum;
    }

    @Override
    public void inputGradient(int steps, double[] w, double[] g, double[] gin) {
        int pre = shape.channels() * shape.height() * shape.width();
        int post = post();
        double weight = w[0];
        Arrays.fill(gin, 0, steps * pre, 0.0);
        int h = shape.height();
        int wd = shape.width();
        int s = shape.size();
        int ohw = shape.outHeight() * shape.outWidth();
        int owd = shape.outWidth();
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < shape.channels(); c++) {
                for (int y = 0; y < h; y++) {
                    int to = t * pre + (c * h + y) * wd;
                    int from = t * post + c * ohw + (y / s) * owd;
                    for (int x = 0; x < wd; x++) {
                        gin[to + x] = weight * g[from + x / s];
                    }
                }
            }
        }
    }
}
