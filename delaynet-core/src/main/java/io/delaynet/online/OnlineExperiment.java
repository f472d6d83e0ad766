package io.delaynet.online;

import io.delaynet.config.TrainingSection;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.model.NetworkDescription;
import io.delaynet.run.Experiment;
import io.delaynet.stepped.network.SteppedDescriptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configured online network bound to its data. Its description is the time-stepped engine's
 * (the same network, trained another way), so model files, {@code inspect} and NIR read it alike.
 *
 * @param stepSeconds the physical length of one step
 * @param decision    the class decision rule, recorded in the description
 */
public record OnlineExperiment(OnlineLearner learner, TrainingSection training, Map<String, Path> dataFiles,
                               double stepSeconds, String decision) implements Experiment {

    /** The learned delays, recurrent ones included, as the time-stepped method reports them. */
    @Override
    public List<DelayDistribution> delays() {
        return io.delaynet.stepped.LearnedDelays.of(learner.network().network());
    }

    @Override
    public Optional<NetworkDescription> description() {
        return Optional.of(SteppedDescriptions.describe(learner.network().network(), stepSeconds, decision));
    }
}
