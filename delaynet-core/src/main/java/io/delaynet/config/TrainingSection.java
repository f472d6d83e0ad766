package io.delaynet.config;

import io.delaynet.train.StepSchedule;
import io.delaynet.train.TrainingOptions;
import java.util.Map;

/**
 * The {@code training:} section shared by every method.
 *
 * @param epochs         passes over the training split
 * @param batchSize      samples per optimizer step
 * @param seed           root seed of every random stream of the run
 * @param threads        worker threads (0 = all available cores); results do not depend on it
 * @param learningRates  learning rate per parameter kind, e.g. {weights: 0.01, delays: 0.003}
 * @param schedule       StepLR: multiply the rates by gamma every step epochs
 * @param amsgrad        use the AMSGrad variant of Adam
 */
public record TrainingSection(int epochs, int batchSize, long seed, int threads, Map<String, Double> learningRates,
                              Schedule schedule, boolean amsgrad) {
    public TrainingSection {
        if (epochs < 0) {
            throw new IllegalArgumentException("training.epochs must be >= 0, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("training.batch_size must be >= 1, got " + batchSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("training.threads must be >= 0 (0 = all cores), got " + threads);
        }
        learningRates = learningRates == null ? Map.of() : Map.copyOf(learningRates);
        for (Map.Entry<String, Double> e : learningRates.entrySet()) {
            if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("training.learning_rates." + e.getKey()
                        + " must be a finite number >= 0, got " + e.getValue());
            }
        }
        schedule = schedule == null ? new Schedule(0, 1.0) : schedule;
    }

    /** StepLR parameters; step 0 disables decay. */
    public record Schedule(int step, double gamma) {
        public Schedule {
            if (step < 0) {
                throw new IllegalArgumentException("training.schedule.step must be >= 0, got " + step);
            }
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("training.schedule.gamma must be in (0, 1], got " + gamma);
            }
        }
    }

    public int resolvedThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public TrainingOptions toOptions() {
        return new TrainingOptions(epochs, batchSize, seed, resolvedThreads(), learningRates,
                new StepSchedule(schedule.step(), schedule.gamma()), amsgrad);
    }
}
