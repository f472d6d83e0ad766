package io.delaynet.stepped;

import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Split;

/** Labelled samples already in spike form, by split: what the time-stepped learner trains on. */
public interface SampleSource {
    /** Number of input neurons. */
    int inputSize();

    /** Number of classes (output neurons). */
    int classes();

    int size(Split split);

    int label(Split split, int index);

    /** Channels, height and width when the inputs are an image (channel-major), else null. */
    default int[] imageShape() {
        return null;
    }

    /**
     * Called by the trainer before each training epoch (0-based): sources that draw random
     * augmentations per epoch take their epoch from here. Never called concurrently with encode.
     */
    default void beginEpoch(int epoch) {
    }

    /** Writes the input spikes of a sample into {@code out} (cleared first). */
    void encode(Split split, int index, SpikeEvents out);
}
