package io.delaynet.stepped;

import io.delaynet.config.TrainingSection;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.SampleGradients;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.model.NetworkDescription;
import io.delaynet.run.Experiment;
import io.delaynet.stepped.network.SteppedDescriptions;
import io.delaynet.train.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configured time-stepped network bound to its data.
 *
 * @param stepSeconds the physical length of one step (the description's time unit)
 * @param decision    the class decision rule, recorded in the description
 */
public record SteppedExperiment(SteppedLearner learner, TrainingSection training, Map<String, Path> dataFiles,
                                double stepSeconds, String decision) implements Experiment {

    @Override
    public Optional<NetworkDescription> description() {
        return Optional.of(SteppedDescriptions.describe(learner.network(), stepSeconds, decision));
    }

    @Override
    public List<DelayDistribution> delays() {
        return new SteppedInspection(learner).delays();
    }

    @Override
    public List<SampleSpikes> sampleSpikes(Split split, int[] samples) {
        return new SteppedInspection(learner).sampleSpikes(split, samples);
    }

    /** The stepped method has no training safeguards, so {@code guarded} changes nothing. */
    @Override
    public Optional<SampleGradients> sampleGradients(Split split, int sample, boolean guarded) {
        return Optional.of(new SteppedInspection(learner).sampleGradients(split, sample));
    }
}
