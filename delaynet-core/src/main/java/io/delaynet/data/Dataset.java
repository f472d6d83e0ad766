package io.delaynet.data;

/**
 * A data set the library knows by name: what its samples are, how many classes, and where it
 * lives below the data folder. Methods pick data by these names ({@code data.dataset}) and check
 * the {@link Kind} against what their engine can take.
 *
 * @param name        the name in configurations, e.g. "fsdd"
 * @param kind        what one sample is
 * @param classes     number of classes
 * @param folder      where its files live below the data folder (empty: generated, no files)
 * @param description one line for help output and the configuration reference
 */
public record Dataset(String name, Kind kind, int classes, String folder, String description) {

    /** The form of one sample. */
    public enum Kind {
        /** A short vector of numbers, latency-coded into one spike per input (Yin-Yang). */
        FEATURES,
        /** A grey-scale image, latency-coded into at most one spike per pixel (the MNIST family). */
        IMAGES,
        /** Spike events (channel, time) over up to a second or so (spoken digits). */
        SPIKE_EVENTS
    }
}
