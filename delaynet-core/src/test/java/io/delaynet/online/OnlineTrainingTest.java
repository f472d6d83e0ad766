package io.delaynet.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.train.OptimizerSettings;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.Split;
import io.delaynet.train.StepSchedule;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import io.delaynet.train.TrainingOptions;
import io.delaynet.train.UpdateSchedule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Training through the shared trainer: the same numbers for any thread count, updates every k = T
 * steps equal to per-sample updates bit for bit, updates every step differ, and a few epochs learn
 * the toy task.
 */
class OnlineTrainingTest {
    private static final int STEPS = 30;

    private static double[][] train(UpdateSchedule schedule, int threads, String feedback, int epochs) {
        String yaml = OnlineFixtures.small(10, true, "synaptic", "linear", 0.05, "",
                "online: {feedback: " + feedback + "}");
        OnlineNetwork net = OnlineFixtures.network(yaml, 6, 3, STEPS);
        OnlineLearner learner = new OnlineLearner(net, new RandomSpikes(6, 3, 24, 2, 0.15));
        TrainingOptions options = new TrainingOptions(epochs, 6, 5, threads, Map.of("weights", 0.01, "delays", 0.1),
                StepSchedule.NONE, OptimizerSettings.adam(false), schedule, Double.POSITIVE_INFINITY);
        try (Trainer<OnlineWorkspace> trainer = new Trainer<>(learner, options)) {
            trainer.fit(0, TrainingListener.NONE);
        }
        List<ParameterGroup> groups = learner.parameters();
        return groups.stream().map(g -> g.values().clone()).toArray(double[][]::new);
    }

    @Test
    void perBatchTrainingIsTheSameForAnyThreadCount() {
        double[][] one = train(UpdateSchedule.PER_BATCH, 1, "symmetric", 2);
        double[][] three = train(UpdateSchedule.PER_BATCH, 3, "symmetric", 2);
        for (int g = 0; g < one.length; g++) {
            assertArrayEquals(one[g], three[g], 0.0, "group " + g);
        }
    }

    @Test
    void updatingEveryTStepsIsUpdatingPerSampleAndEveryStepIsNot() {
        double[][] perSample = train(UpdateSchedule.PER_SAMPLE, 2, "random", 1);
        double[][] everyT = train(new UpdateSchedule.EverySteps(STEPS), 1, "random", 1);
        double[][] everyStep = train(new UpdateSchedule.EverySteps(1), 1, "random", 1);
        boolean differs = false;
        for (int g = 0; g < perSample.length; g++) {
            assertArrayEquals(perSample[g], everyT[g], 0.0, "group " + g);
            differs |= !Arrays.equals(perSample[g], everyStep[g]);
        }
        assertTrue(differs, "updates inside the sequence must change the result");
    }

    @Test
    void anEvaluationCarriesEverySamplesDecisionStepWhateverTheThreads() {
        String yaml = OnlineFixtures.small(10, true, "synaptic", "linear", 0.05, "", "online: {feedback: symmetric}");
        OnlineLearner learner = new OnlineLearner(OnlineFixtures.network(yaml, 6, 3, STEPS), new RandomSpikes(6, 3, 24, 2, 0.15));
        OnlineWorkspace ws = learner.newWorkspace();
        int[] expected = new int[learner.size(Split.TEST)];
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            expected[i] = learner.evaluate(Split.TEST, i, ws).decisionStep();
            sum += expected[i];
        }
        for (int threads : new int[] {1, 3}) {
            TrainingOptions options = new TrainingOptions(1, 6, 5, threads, Map.of("weights", 0.01, "delays", 0.1),
                    StepSchedule.NONE, OptimizerSettings.adam(false), UpdateSchedule.PER_BATCH, Double.POSITIVE_INFINITY);
            try (Trainer<OnlineWorkspace> trainer = new Trainer<>(learner, options)) {
                io.delaynet.train.Evaluation e = trainer.evaluate(Split.TEST);
                assertArrayEquals(expected, e.decisionSteps(), threads + " threads");
                org.junit.jupiter.api.Assertions.assertEquals(sum / expected.length, e.latency().meanSteps(), 1e-12);
            }
        }
        assertTrue(Arrays.stream(expected).distinct().count() > 1, "the fixture's decision steps must differ: "
                + Arrays.toString(expected));
    }

    @Test
    void aFewEpochsLearnTheToyTask() {
        String yaml = OnlineFixtures.small(10, false, "synaptic", "linear", 0.05, "", "online: {feedback: symmetric}");
        OnlineNetwork net = OnlineFixtures.network(yaml, 6, 3, STEPS);
        OnlineLearner learner = new OnlineLearner(net, new RandomSpikes(6, 3, 24, 2, 0.15));
        TrainingOptions options = new TrainingOptions(6, 6, 5, 1, Map.of("weights", 0.01, "delays", 0.1),
                StepSchedule.NONE, OptimizerSettings.adam(false), UpdateSchedule.PER_BATCH, Double.POSITIVE_INFINITY);
        try (Trainer<OnlineWorkspace> trainer = new Trainer<>(learner, options)) {
            double before = trainer.evaluate(Split.VALIDATION).loss();
            trainer.fit(0, TrainingListener.NONE);
            double after = trainer.evaluate(Split.VALIDATION).loss();
            assertTrue(after < 0.9 * before, "validation loss " + before + " -> " + after);
            assertFalse(Double.isNaN(after));
        }
    }
}
