package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every optimizer and every update schedule: N epochs in one go end with the numbers of N/2
 * epochs, a fresh trainer given the parameters and the optimizer's state, and N/2 more, bit for bit.
 */
class TrainerResumeTest {
    private static final int EPOCHS = 4;

    static Stream<Arguments> optimizersAndSchedules() {
        List<OptimizerSettings> optimizers = List.of(OptimizerSettings.adam(false), OptimizerSettings.adam(true),
                new OptimizerSettings(OptimizerSettings.Type.ADAMW, 0.0, 0.999, 1e-8, 0.01, false, 0, false),
                new OptimizerSettings(OptimizerSettings.Type.SGD, 0.9, 0.999, 1e-8, 1e-3, false, 0.9, true));
        List<UpdateSchedule> schedules = List.of(UpdateSchedule.PER_BATCH, UpdateSchedule.PER_SAMPLE,
                new UpdateSchedule.EverySteps(3));
        List<Arguments> out = new ArrayList<>();
        for (OptimizerSettings o : optimizers) {
            for (UpdateSchedule u : schedules) {
                out.add(Arguments.of(o, u));
            }
        }
        return out.stream();
    }

    private static TrainingOptions options(OptimizerSettings optimizer, UpdateSchedule update) {
        return new TrainingOptions(EPOCHS, 6, 9, 2, Map.of("weights", 0.05, "delays", 0.02), new StepSchedule(1, 0.8),
                optimizer, update, 2.0);
    }

    @ParameterizedTest
    @MethodSource("optimizersAndSchedules")
    void halfTheEpochsThenAResumeEqualsAllAtOnce(OptimizerSettings optimizer, UpdateSchedule update) {
        TrainingOptions options = options(optimizer, update);
        ToyStreamingLearner straight = new ToyStreamingLearner(17, 5, false);
        List<EpochMetrics> all;
        try (Trainer<ToyStreamingLearner.Ws> trainer = new Trainer<>(straight, options)) {
            all = trainer.fit(0, TrainingListener.NONE);
        }

        ToyStreamingLearner first = new ToyStreamingLearner(17, 5, false);
        List<EpochMetrics> history = new ArrayList<>();
        OptimizerState saved;
        try (Trainer<ToyStreamingLearner.Ws> trainer = new Trainer<>(first, options)) {
            for (int e = 0; e < EPOCHS / 2; e++) {
                history.add(trainer.trainEpoch(e, TrainingListener.NONE));
            }
            saved = trainer.optimizer().state();
        }
        ToyStreamingLearner second = new ToyStreamingLearner(17, 5, false);
        for (int g = 0; g < first.parameters().size(); g++) {
            double[] from = first.parameters().get(g).values();
            System.arraycopy(from, 0, second.parameters().get(g).values(), 0, from.length);
        }
        try (Trainer<ToyStreamingLearner.Ws> trainer = new Trainer<>(second, options)) {
            trainer.optimizer().restore(saved);
            history.addAll(trainer.fit(EPOCHS / 2, TrainingListener.NONE));
        }

        for (int g = 0; g < straight.parameters().size(); g++) {
            assertArrayEquals(straight.values().get(g), second.values().get(g), 0.0, "group " + g);
        }
        assertEquals(all.size(), history.size());
        for (int e = 0; e < all.size(); e++) {
            assertEquals(all.get(e).trainLoss(), history.get(e).trainLoss(), 0.0);
            assertEquals(all.get(e).validationLoss(), history.get(e).validationLoss(), 0.0);
        }
    }
}
