package io.delaynet.train;

import java.util.Map;

/**
 * How to train, independent of the method: epochs, batches, threads, optimizer and schedule.
 *
 * @param epochs        number of passes over the training split
 * @param batchSize     samples per optimizer step
 * @param seed          root seed; the data order of epoch e depends only on (seed, e)
 * @param threads       worker threads; results are bit-identical for any value
 * @param learningRates base learning rate per {@link ParameterGroup#rateKey()}
 * @param schedule      learning-rate schedule applied per epoch
 * @param amsgrad       use the AMSGrad variant of Adam
 */
public record TrainingOptions(int epochs, int batchSize, long seed, int threads,
                              Map<String, Double> learningRates, StepSchedule schedule, boolean amsgrad) {
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
        learningRates = Map.copyOf(learningRates);
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
