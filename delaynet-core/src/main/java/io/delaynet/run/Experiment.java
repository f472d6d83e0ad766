package io.delaynet.run;

import io.delaynet.config.TrainingSection;
import io.delaynet.train.Learner;
import java.util.Map;

/**
 * A configured method bound to its data: what the trainer trains and how. Everything needed to
 * rebuild it is in the resolved configuration, so a model file is that configuration plus the
 * values of the parameter groups.
 */
public interface Experiment {
    Learner<?> learner();

    TrainingSection training();

    /** Files the data came from, for provenance checksums; may be empty for generated data. */
    default Map<String, java.nio.file.Path> dataFiles() {
        return Map.of();
    }

    /** Method state beyond parameters and optimizer that a resumed run must restore (e.g. bump values). */
    default Map<String, double[]> extraState() {
        return Map.of();
    }

    default void restoreExtraState(Map<String, double[]> state) {
    }
}
