package io.delaynet.stepped;

import io.delaynet.config.TrainingSection;
import io.delaynet.run.Experiment;
import java.nio.file.Path;
import java.util.Map;

/** A configured time-stepped network bound to its data. */
public record SteppedExperiment(SteppedLearner learner, TrainingSection training, Map<String, Path> dataFiles)
        implements Experiment {
}
