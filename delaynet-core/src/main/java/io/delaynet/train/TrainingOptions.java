package io.delaynet.train;

import java.util.Map;
import java.util.Objects;

/**
 * How to train, independent of the method: epochs, batches, threads, optimizer and schedules.
 *
 * @param epochs        number of passes over the training split
 * @param batchSize     samples per optimizer step with per-batch updates; with per-sample and
 *                      in-sample updates, how many samples lie between progress reports
 * @param seed          root seed; the data order of epoch e depends only on (seed, e)
 * @param threads       worker threads; results are bit-identical for any value
 * @param learningRates base learning rate per {@link ParameterGroup#rateKey()}
 * @param schedule      learning-rate schedule applied per epoch
 * @param optimizer     the update rule and its hyperparameters
 * @param update        when the optimizer steps: per batch, per sample, or every k time steps
 * @param clipGradNorm  the largest global L2 norm of the gradient an optimizer step sees
 *                      ({@link GradientClipping}); {@code +inf} = no clipping
 */
public record TrainingOptions(int epochs, int batchSize, long seed, int threads, Map<String, Double> learningRates,
                              StepSchedule schedule, OptimizerSettings optimizer, UpdateSchedule update,
                              double clipGradNorm) {
    public TrainingOptions {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!(clipGradNorm > 0)) {
            throw new IllegalArgumentException("the gradient-norm limit must be > 0 (+inf = off), got " + clipGradNorm);
        }
        learningRates = Map.copyOf(learningRates);
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(update, "update");
    }

    /** Adam with PyTorch's defaults (optionally AMSGrad), one step per batch, no clipping. */
    public TrainingOptions(int epochs, int batchSize, long seed, int threads, Map<String, Double> learningRates,
                           StepSchedule schedule, boolean amsgrad) {
        this(epochs, batchSize, seed, threads, learningRates, schedule, OptimizerSettings.adam(amsgrad),
                UpdateSchedule.PER_BATCH, Double.POSITIVE_INFINITY);
    }

    /** Whether the optimizer keeps AMSGrad's maximum (Adam and AdamW only). */
    public boolean amsgrad() {
        return optimizer.amsgrad();
    }

    public boolean clipsGradients() {
        return clipGradNorm != Double.POSITIVE_INFINITY;
    }

    /** A copy with other update timing. */
    public TrainingOptions withUpdate(UpdateSchedule other) {
        return new TrainingOptions(epochs, batchSize, seed, threads, learningRates, schedule, optimizer, other,
                clipGradNorm);
    }

    /** The learning rate of a group in a given epoch (0-based), after the schedule. */
    public double learningRate(String rateKey, int epoch) {
        Double base = learningRates.get(rateKey);
        if (base == null) {
            throw new IllegalArgumentException("no learning rate configured for '" + rateKey
                    + "'; set training.learning_rates." + rateKey);
        }
        return base * schedule.factor(epoch);
    }
}
