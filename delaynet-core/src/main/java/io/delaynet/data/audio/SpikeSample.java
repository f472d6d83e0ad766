package io.delaynet.data.audio;

import java.util.Objects;

/**
 * One labelled spike-encoded sample: what a classifier trains on. The speaker travels with every
 * sample so that splits by speaker (and per-speaker error analysis) stay possible downstream.
 *
 * @param id      a name unique within its set (for FSDD the file name without ".wav")
 * @param label   class index, 0-based
 * @param speaker who spoke it (for SHD, the numeric speaker id as text)
 * @param events  the spikes
 */
public record SpikeSample(String id, int label, String speaker, SpikeEvents events) {
    public SpikeSample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(events, "events");
        if (label < 0) {
            throw new IllegalArgumentException("label must be non-negative: " + label);
        }
    }
}
