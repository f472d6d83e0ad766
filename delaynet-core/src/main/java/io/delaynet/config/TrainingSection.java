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
 * @param keep           which parameters the run ends with: "last" (after the final epoch) or
 *                       "best_validation" (the epoch with the highest validation accuracy, earliest on ties)
 */
public record TrainingSection(int epochs, int batchSize, long seed, int threads, Map<String, Double> learningRates,
                              Schedule schedule, boolean amsgrad, String keep) {
    public static final String KEEP_LAST = "last";
    public static final String KEEP_BEST = "best_validation";

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
        keep = keep == null ? KEEP_LAST : keep;
        if (!KEEP_LAST.equals(keep) && !KEEP_BEST.equals(keep)) {
            throw new IllegalArgumentException("training.keep must be last or best_validation, got " + keep);
        }
    }

    public boolean keepBestValidation() {
        return KEEP_BEST.equals(keep);
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
