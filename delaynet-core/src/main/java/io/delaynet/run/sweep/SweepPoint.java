package io.delaynet.run.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a sweep: a configuration with its overrides and seed, the folder it trains in, and
 * its label on every axis of the sweep (the values that tell it from the other points, as they
 * appear in the table).
 *
 * @param labels    axis name to label, in the sweep's axis order
 * @param seed      the training seed ({@code training.seed}), applied after the overrides
 * @param overrides {@code key.path=value} overrides of the configuration, applied in order
 */
public record SweepPoint(Map<String, String> labels, long seed, ConfigText config, List<String> overrides,
                         Path folder) {

    public SweepPoint {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Objects.requireNonNull(config, "config");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(folder, "folder");
    }

    /** The work of this point as a serialisable task: the overrides, then the seed. */
    public RunTask task() {
        List<String> all = new ArrayList<>(overrides);
        all.add("training.seed=" + seed);
        return new RunTask(config, all, folder);
    }
}
