package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frozen groups are neither reduced nor stepped, whatever a learner writes into their buffers. */
class TrainerFrozenGroupTest {

    static final class TwoGroups implements Learner<TwoGroups.Ws> {
        final ParameterGroup trained = new ParameterGroup("trained", new double[] {1, 2}, "weights", true);
        final ParameterGroup frozen = new ParameterGroup("frozen", new double[] {3, 4, 5}, "delays", false);
        int steps;

        record Ws(double[][] gradients) implements Learner.Workspace { }

        @Override public List<ParameterGroup> parameters() { return List.of(trained, frozen); }
        @Override public Ws newWorkspace() { return new Ws(new double[][] {new double[2], new double[3]}); }
        @Override public int size(Split split) { return split == Split.TRAIN ? 20 : 0; }

        @Override
        public SampleResult learn(int index, Ws ws) {
            ws.gradients()[0][0] += 1;
            ws.gradients()[1][2] += 7; // a learner may fill a frozen buffer; it must not matter
            return new SampleResult(1, 0, 0);
        }

        @Override
        public SampleResult evaluate(Split split, int index, Ws ws) {
            return new SampleResult(0, 0, 0);
        }

        @Override
        public boolean beforeStep(double[][] batchGradient, double[] batchCounters, int batchSize) {
            assertEquals(1.0, batchGradient[0][0], 1e-15, "mean of the trained group's gradient");
            assertArrayEquals(new double[3], batchGradient[1], 0.0, "frozen group was reduced");
            steps++;
            return true;
        }
    }

    @Test
    void frozenGroupIsNotReducedOrUpdated() {
        TwoGroups learner = new TwoGroups();
        TrainingOptions options = new TrainingOptions(1, 8, 1, 2, Map.of("weights", 0.1, "delays", 0.1),
                StepSchedule.NONE, false);
        try (Trainer<TwoGroups.Ws> trainer = new Trainer<>(learner, options)) {
            trainer.fit(0, TrainingListener.NONE);
        }
        assertEquals(3, learner.steps);
        assertArrayEquals(new double[] {3, 4, 5}, learner.frozen.values(), 0.0);
        assertTrue(learner.trained.values()[0] < 1, "trained group did not move");
    }
}
