package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-batch, per-sample and in-sample updates, on a toy {@link StreamingLearner}. */
class UpdateScheduleTest {
    private static final int SAMPLES = 23;

    private static TrainingOptions options(int batch, int threads, UpdateSchedule update, OptimizerSettings optimizer) {
        return new TrainingOptions(3, batch, 5, threads, Map.of("weights", 0.05, "delays", 0.02),
                new StepSchedule(1, 0.9), optimizer, update, Double.POSITIVE_INFINITY);
    }

    private record Result(List<double[]> values, List<EpochMetrics> history, long optimizerSteps) { }

    private static Result train(ToyStreamingLearner learner, TrainingOptions options) {
        try (Trainer<ToyStreamingLearner.Ws> trainer = new Trainer<>(learner, options)) {
            List<EpochMetrics> history = trainer.fit(0, TrainingListener.NONE);
            return new Result(learner.values(), history, trainer.optimizer().steps());
        }
    }

    private static Result train(int batch, int threads, UpdateSchedule update) {
        return train(new ToyStreamingLearner(SAMPLES, 9, false), options(batch, threads, update, OptimizerSettings.adam(true)));
    }

    private static void assertSameNumbers(Result a, Result b) {
        for (int g = 0; g < a.values().size(); g++) {
            assertArrayEquals(a.values().get(g), b.values().get(g), 0.0, "group " + g);
        }
        assertEquals(a.history().size(), b.history().size());
        for (int e = 0; e < a.history().size(); e++) {
            assertEquals(a.history().get(e).trainLoss(), b.history().get(e).trainLoss(), 0.0);
            assertEquals(a.history().get(e).validationLoss(), b.history().get(e).validationLoss(), 0.0);
        }
        assertEquals(a.optimizerSteps(), b.optimizerSteps());
    }

    @Test
    void updatingEveryKStepsWithKAtLeastTEqualsUpdatingPerSampleBitForBit() {
        Result perSample = train(7, 1, UpdateSchedule.PER_SAMPLE);
        int longest = 8; // T_i = 4 + i % 5
        assertSameNumbers(perSample, train(7, 1, new UpdateSchedule.EverySteps(longest)));
        assertSameNumbers(perSample, train(7, 1, new UpdateSchedule.EverySteps(1000)));
        assertEquals(3L * SAMPLES, perSample.optimizerSteps());
    }

    @Test
    void thereAreCeilTOverKOptimizerStepsPerSample() {
        for (int k : new int[] {1, 2, 3, 5, 8}) {
            ToyStreamingLearner learner = new ToyStreamingLearner(SAMPLES, 9, true);
            Result r = train(learner, options(7, 1, new UpdateSchedule.EverySteps(k), OptimizerSettings.adam(false)));
            long expected = 0;
            for (int i = 0; i < SAMPLES; i++) {
                expected += (ToyStreamingLearner.length(i) + k - 1) / k;
            }
            assertEquals(3 * expected, r.optimizerSteps(), "k = " + k);
            assertEquals(3 * expected, learner.hookCallsPerSample.stream().mapToLong(Integer::longValue).sum());
        }
    }

    @Test
    void eachUpdateSeesExactlyTheGradientAndCountersSinceThePreviousOne() {
        ToyStreamingLearner learner = new ToyStreamingLearner(SAMPLES, 9, true);
        train(learner, options(7, 2, new UpdateSchedule.EverySteps(3), OptimizerSettings.adam(false)));
        assertEquals(0, learner.windowMismatches, "the gradient of an update holds that window's contributions only");
        long steps = 0;
        for (int i = 0; i < SAMPLES; i++) {
            steps += ToyStreamingLearner.length(i);
        }
        assertEquals(3.0 * steps, learner.countersSeen, 0.0, "counters are zeroed after every update");
    }

    @Test
    void inSampleUpdatesReallyChangeTheParametersWithinASample() {
        Result everyStep = train(7, 1, new UpdateSchedule.EverySteps(1));
        Result perSample = train(7, 1, UpdateSchedule.PER_SAMPLE);
        assertFalse(Arrays.equals(everyStep.values().get(0), perSample.values().get(0)));
        assertArrayEquals(new double[] {0.5, -0.5}, everyStep.values().get(1), 0.0, "the frozen group stays");
    }

    @Test
    void perSampleUpdatesAreBatchSizeOne() {
        assertSameNumbers(train(1, 1, UpdateSchedule.PER_BATCH), train(6, 1, UpdateSchedule.PER_SAMPLE));
    }

    @Test
    void sequentialUpdatesDoNotDependOnTheThreadCount() {
        for (UpdateSchedule update : List.of(UpdateSchedule.PER_SAMPLE, new UpdateSchedule.EverySteps(2))) {
            // a group above PARALLEL_MIN, so the optimizer's parallel slices take part
            TrainingOptions one = options(7, 1, update, OptimizerSettings.adam(true));
            Result serial = train(new ToyStreamingLearner(SAMPLES, Trainer.PARALLEL_MIN + 5, false), one);
            Result parallel = train(new ToyStreamingLearner(SAMPLES, Trainer.PARALLEL_MIN + 5, false),
                    new TrainingOptions(one.epochs(), one.batchSize(), one.seed(), 2, one.learningRates(),
                            one.schedule(), one.optimizer(), one.update(), one.clipGradNorm()));
            assertSameNumbers(serial, parallel);
        }
        assertSameNumbers(train(7, 1, UpdateSchedule.PER_BATCH), train(7, 3, UpdateSchedule.PER_BATCH));
    }

    @Test
    void theToyLearnerLearns() {
        Result r = train(7, 1, new UpdateSchedule.EverySteps(2));
        assertTrue(r.history().get(2).trainLoss() < 0.5 * r.history().get(0).trainLoss(), r.history().toString());
    }

    @Test
    void inSampleUpdatesNeedAStreamingLearner() {
        TrainerTest.SoftmaxLearner learner = new TrainerTest.SoftmaxLearner(1, 10);
        TrainingOptions options = new TrainingOptions(1, 5, 1, 1, Map.of("weights", 0.1), StepSchedule.NONE, false)
                .withUpdate(new UpdateSchedule.EverySteps(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer<>(learner, options));
        assertTrue(e.getMessage().contains("StreamingLearner"), e.getMessage());
    }
}
