package io.delaynet.run;

import io.delaynet.config.TrainingSection;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.SampleGradients;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.train.Learner;
import io.delaynet.train.Split;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configured method bound to its data: what the trainer trains and how. Everything needed to
 * rebuild it is in the resolved configuration, so a model file is that configuration plus the
 * values of the parameter groups.
 *
 * <p>The inspection hooks ({@link #delays}, {@link #sampleSpikes}, {@link #sampleGradients}) feed
 * reports and {@code delaynet inspect}; a method that cannot answer one keeps the empty default and
 * the report simply leaves that part out.
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

    /**
     * The network as it is now, engine-neutral: what model files, NIR export and reports read.
     * Empty for a method that cannot describe its network.
     */
    default Optional<io.delaynet.model.NetworkDescription> description() {
        return Optional.empty();
    }

    /** The current delays of every projection that has learnable delays, with their allowed range. */
    default List<DelayDistribution> delays() {
        return List.of();
    }

    /**
     * The spikes of every layer for the given samples of a split, with the current parameters.
     *
     * @param samples indices into the split, each in [0, learner().size(split))
     */
    default List<SampleSpikes> sampleSpikes(Split split, int[] samples) {
        return List.of();
    }

    /**
     * What a reader of a fresh evaluation of this model (delaynet eval) must know to compare it with the
     * run's own figures, e.g. that noise is drawn afresh; empty when the two agree exactly.
     */
    default Optional<String> evaluationNote() {
        return Optional.empty();
    }

    /**
     * For data whose samples are points of a plane (Yin-Yang): the predicted class over a grid of the
     * plane, with the test samples' predictions. Empty for other data or methods.
     *
     * @param resolution grid points per side
     */
    default Optional<io.delaynet.inspect.DecisionMap> decisionMap(int resolution) {
        return Optional.empty();
    }

    /**
     * The loss of one sample and its gradient with respect to every parameter group.
     *
     * @param guarded apply the method's training safeguards to the gradient; false gives the exact gradient
     */
    default Optional<SampleGradients> sampleGradients(Split split, int sample, boolean guarded) {
        return Optional.empty();
    }
}
