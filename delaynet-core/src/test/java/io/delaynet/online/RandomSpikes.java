package io.delaynet.online;

import io.delaynet.stepped.SampleSource;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Split;
import java.util.SplittableRandom;

/**
 * Labelled random spike trains over the whole window without data files: each class drives its
 * own group of inputs harder, so a network can learn something; every sample is a pure function
 * of (seed, split, index).
 */
final class RandomSpikes implements SampleSource {
    private final int inputs;
    private final int classes;
    private final int perSplit;
    private final long seed;
    private final double rate;

    RandomSpikes(int inputs, int classes, int perSplit, long seed, double rate) {
        this.inputs = inputs;
        this.classes = classes;
        this.perSplit = perSplit;
        this.seed = seed;
        this.rate = rate;
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
        out.clear();
        for (int t = 0; t < out.steps(); t++) {
            for (int i = 0; i < inputs; i++) {
                boolean own = i % classes == label;
                if (r.nextDouble() < (own ? 2.5 : 1.0) * rate) {
                    out.add(t, i, 1.0);
                }
            }
        }
        out.finish();
    }
}
