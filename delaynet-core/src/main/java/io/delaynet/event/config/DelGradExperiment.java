package io.delaynet.event.config;

import io.delaynet.config.TrainingSection;
import io.delaynet.event.DelGradLearner;
import io.delaynet.inspect.DecisionMap;
import io.delaynet.event.EventDescriptions;
import io.delaynet.model.NetworkDescription;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.SampleGradients;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.run.Experiment;
import io.delaynet.train.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A configured DelGrad run. */
public final class DelGradExperiment implements Experiment {
    private final DelGradConfig config;
    private final DelGradLearner learner;
    private final Map<String, Path> files;

    DelGradExperiment(DelGradConfig config, DelGradLearner learner, Map<String, Path> files) {
        this.config = config;
        this.learner = learner;
        this.files = Map.copyOf(files);
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
    public Map<String, Path> dataFiles() {
        return files;
    }

    @Override
    public Map<String, double[]> extraState() {
        if (!learner.randomisesInputs()) {
            return Map.of("weight_bumping", learner.bumpState().toArray());
        }
        // the augmentation and noise draws follow the batch count, so a resumed run continues the same
        // sequence (the key's name predates augmentation; old checkpoints keep their meaning)
        return Map.of("weight_bumping", learner.bumpState().toArray(),
                "input_noise_batches", new double[] {learner.batchesTrained()});
    }

    @Override
    public void restoreExtraState(Map<String, double[]> state) {
        double[] b = state.get("weight_bumping");
        if (b != null) {
            learner.bumpState().restore(b);
        }
        double[] n = state.get("input_noise_batches");
        if (n != null) {
            learner.restoreBatchesTrained((long) n[0]);
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

    /** Yin-Yang runs only: the exact network's decision map (for a chip run the host's model, without chip noise). */
    @Override
    public Optional<DecisionMap> decisionMap(int resolution) {
        return new DelGradInspection(learner).decisionMap(resolution, config.data());
    }
}
