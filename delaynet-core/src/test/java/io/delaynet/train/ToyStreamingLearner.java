package io.delaynet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A learner small enough to follow by hand that can update inside a sample: sample i is a sequence
 * of T_i = 4 + i % 5 time steps, step t predicts y = w . x_t + b with the parameters of that moment and
 * adds the gradient of (y - target_t)^2 / 2. A wide group (large enough for the parallel slices) gets
 * a small fixed multiple of the error, and a frozen group must never move. One counter counts the
 * steps, so that a trainer which forgot to zero counters between updates would be caught.
 *
 * <p>For the contract tests it records, per sample, how often the hook was called, and checks at
 * every update that the gradient the trainer passes is exactly the sum of this learner's own
 * contributions since the previous update ({@link #windowMismatches}).
 */
final class ToyStreamingLearner implements StreamingLearner<ToyStreamingLearner.Ws> {
    static final int INPUTS = 3;
    final ParameterGroup w = new ParameterGroup("w", new double[INPUTS], "weights", true);
    final ParameterGroup frozen = new ParameterGroup("frozen", new double[] {0.5, -0.5}, "weights", false);
    final ParameterGroup b = new ParameterGroup("b", new double[1], "delays", true);
    final ParameterGroup wide;
    private final double[][][] x;
    private final double[][] target;
    /** With {@code track}: the contributions since the last update, as this learner summed them. */
    private final boolean track;
    private double[][] window;
    final List<Integer> hookCallsPerSample = new ArrayList<>();
    int windowMismatches;
    double countersSeen;

    ToyStreamingLearner(int samples, int wideSize, boolean track) {
        this.track = track;
        wide = new ParameterGroup("wide", new double[wideSize], "delays", true);
        SplittableRandom r = new SplittableRandom(17);
        double[] truth = {0.7, -1.2, 0.4};
        x = new double[samples][][];
        target = new double[samples][];
        for (int i = 0; i < samples; i++) {
            int steps = length(i);
            x[i] = new double[steps][];
            target[i] = new double[steps];
            for (int t = 0; t < steps; t++) {
                x[i][t] = r.doubles(INPUTS, -1, 1).toArray();
                double y = 0.3;
                for (int j = 0; j < INPUTS; j++) {
                    y += truth[j] * x[i][t][j];
                }
                target[i][t] = y + 0.05 * r.nextGaussian();
            }
        }
    }

    static int length(int sample) {
        return 4 + sample % 5;
    }

    record Ws(double[][] gradients, double[] counters) implements Learner.Workspace { }

    @Override
    public List<ParameterGroup> parameters() {
        return List.of(w, frozen, b, wide);
    }

    @Override
    public Ws newWorkspace() {
        return new Ws(new double[][] {new double[INPUTS], new double[2], new double[1], new double[wide.size()]},
                new double[1]);
    }

    @Override
    public int size(Split split) {
        return split == Split.TRAIN ? x.length : split == Split.VALIDATION ? Math.min(5, x.length) : 0;
    }

    @Override
    public SampleResult learn(int index, Ws ws, int updateEvery, UpdateHook hook) {
        int steps = x[index].length;
        double loss = 0;
        int calls = 0;
        if (track) {
            window = new double[][] {new double[INPUTS], new double[2], new double[1], new double[wide.size()]};
        }
        for (int t = 0; t < steps; t++) {
            double error = predict(index, t) - target[index][t];
            loss += 0.5 * error * error;
            for (int j = 0; j < INPUTS; j++) {
                add(ws, 0, j, error * x[index][t][j]);
            }
            add(ws, 2, 0, error);
            for (int j = 0; j < wide.size(); j++) {
                add(ws, 3, j, error * 1e-3 * (j % 7 - 3));
            }
            ws.counters()[0] += 1;
            if ((t + 1) % updateEvery == 0 || t == steps - 1) {
                hook.update();
                calls++;
                if (track) {
                    window = new double[][] {new double[INPUTS], new double[2], new double[1], new double[wide.size()]};
                }
            }
        }
        if (track) {
            hookCallsPerSample.add(calls);
        }
        return new SampleResult(loss, loss / steps < 0.05 ? 1 : 0, 1);
    }

    private void add(Ws ws, int group, int i, double value) {
        ws.gradients()[group][i] += value;
        if (track) {
            window[group][i] += value;
        }
    }

    private double predict(int index, int t) {
        double y = b.values()[0];
        for (int j = 0; j < INPUTS; j++) {
            y += w.values()[j] * x[index][t][j];
        }
        return y;
    }

    @Override
    public SampleResult evaluate(Split split, int index, Ws ws) {
        double loss = 0;
        for (int t = 0; t < x[index].length; t++) {
            double error = predict(index, t) - target[index][t];
            loss += 0.5 * error * error;
        }
        return new SampleResult(loss, loss / x[index].length < 0.05 ? 1 : 0, 1);
    }

    @Override
    public boolean beforeStep(double[][] batchGradient, double[] batchCounters, int batchSize) {
        countersSeen += batchCounters[0];
        if (track) {
            for (int g = 0; g < window.length; g++) {
                if (g != 1 && !java.util.Arrays.equals(window[g], batchGradient[g])) {
                    windowMismatches++;
                }
            }
        }
        return true;
    }

    /** Every parameter value, group by group. */
    List<double[]> values() {
        return parameters().stream().map(g -> g.values().clone()).toList();
    }
}
