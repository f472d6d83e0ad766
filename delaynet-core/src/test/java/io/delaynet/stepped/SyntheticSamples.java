package io.delaynet.stepped;

import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Split;
import java.util.SplittableRandom;

/**
 * A small learnable task without data files: each class has its own group of input neurons that
 * tend to spike early, plus background noise; every sample is drawn from (seed, split, index).
 */
final class SyntheticSamples implements SampleSource {
    private final int inputs;
    private final int classes;
    private final int steps;
    private final int perSplit;
    private final long seed;

    SyntheticSamples(int inputs, int classes, int steps, int perSplit, long seed) {
        this.inputs = inputs;
        this.classes = classes;
        this.steps = steps;
        this.perSplit = perSplit;
        this.seed = seed;
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int size(Split split) {
        return perSplit;
    }

    @Override
    public int label(Split split, int index) {
        return index % classes;
    }

    @Override
    public void encode(Split split, int index, SpikeEvents out) {
        SplittableRandom r = new SplittableRandom(seed * 1000003L + split.ordinal() * 7919L + index);
        int label = label(split, index);
        int group = inputs / classes;
        out.clear();
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < inputs; i++) {
                boolean own = i / group == label;
                if (r.nextDouble() < (own ? 0.5 : 0.05) / (t + 1)) {
                    out.add(t, i, 1.0);
                }
            }
        }
        out.finish();
    }
}
