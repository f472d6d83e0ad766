package io.delaynet.event.config;

import io.delaynet.config.TrainingSection;
import io.delaynet.event.DelGradLearner;
import io.delaynet.event.EventDescriptions;
import io.delaynet.model.NetworkDescription;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.SampleGradients;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.run.Experiment;
import io.delaynet.train.Split;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A configured DelGrad run. */
public final class DelGradExperiment implements Experiment {
    private final DelGradConfig config;
    private final DelGradLearner learner;

    DelGradExperiment(DelGradConfig config, DelGradLearner learner) {
        this.config = config;
        this.learner = learner;
    }

    public DelGradConfig config() {
        return config;
    }

    @Override
    public DelGradLearner learner() {
        return learner;
    }

    @Override
    public TrainingSection training() {
        return config.training();
    }

    @Override
    public Map<String, double[]> extraState() {
        return Map.of("weight_bumping", learner.bumpState().toArray());
    }

    @Override
    public void restoreExtraState(Map<String, double[]> state) {
        double[] b = state.get("weight_bumping");
        if (b != null) {
            learner.bumpState().restore(b);
        }
    }

    @Override
    public Optional<NetworkDescription> description() {
        return Optional.of(EventDescriptions.describe(learner.network(), config.network().tauSynMs() / 1000));
    }

    @Override
    public List<DelayDistribution> delays() {
        return new DelGradInspection(learner).delays();
    }

    @Override
    public List<SampleSpikes> sampleSpikes(Split split, int[] samples) {
        return new DelGradInspection(learner).sampleSpikes(split, samples);
    }

    @Override
    public Optional<SampleGradients> sampleGradients(Split split, int sample, boolean guarded) {
        return Optional.of(new DelGradInspection(learner).sampleGradients(split, sample, guarded));
    }
}
