package io.delaynet.train;

/**
 * When the {@link Trainer} applies an optimizer step (how often the parameters change), not how
 * large the step is: that is the learning rate and its {@link StepSchedule}.
 */
public sealed interface UpdateSchedule {

    /** One step per batch on the mean gradient of its samples; samples run in parallel. */
    record PerBatch() implements UpdateSchedule { }

    /**
     * One step after every sample on that sample's gradient; samples run one after another, so the
     * numbers do not depend on the thread count. The same numbers as per-batch with batch size 1;
     * {@code batch_size} then only sets how often progress is reported.
     */
    record PerSample() implements UpdateSchedule { }

    /**
     * A step after every {@code steps} time steps inside a sample and at its end, for a
     * {@link StreamingLearner}; samples run one after another.
     */
    record EverySteps(int steps) implements UpdateSchedule {
        public EverySteps {
            if (steps < 1) {
                throw new IllegalArgumentException("updates every k time steps need k >= 1, got " + steps);
            }
        }
    }

    UpdateSchedule PER_BATCH = new PerBatch();
    UpdateSchedule PER_SAMPLE = new PerSample();
}
