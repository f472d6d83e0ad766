package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Global-norm clipping as torch.nn.utils.clip_grad_norm_, deterministic for any thread count. */
class GradientClippingTest {
    private static final List<ParameterGroup> GROUPS = List.of(
            new ParameterGroup("a", new double[2], "weights", true),
            new ParameterGroup("frozen", new double[1], "weights", false),
            new ParameterGroup("b", new double[1], "delays", true));

    @Test
    void theNormIsTakenOverAllTrainableGroupsTogether() {
        double[][] g = {{3, 0}, {100}, {4}};
        assertEquals(5.0, GradientClipping.globalNorm(GROUPS, g, WorkerPool.SERIAL, Integer.MAX_VALUE), 0.0);
    }

    @Test
    void aGradientAboveTheLimitIsScaledAsTorchDoes() {
        double[][] g = {{3, 0}, {100}, {4}};
        double norm = GradientClipping.clip(GROUPS, g, 1.0, WorkerPool.SERIAL, Integer.MAX_VALUE);
        assertEquals(5.0, norm, 0.0);
        double c = 1.0 / (5.0 + 1e-6);
        assertArrayEquals(new double[] {3 * c, 0}, g[0], 0.0);
        assertArrayEquals(new double[] {100}, g[1], 0.0, "frozen groups are left alone");
        assertArrayEquals(new double[] {4 * c}, g[2], 0.0);
        assertEquals(1.0, GradientClipping.globalNorm(GROUPS, g, WorkerPool.SERIAL, Integer.MAX_VALUE), 1e-6);
    }

    @Test
    void aGradientWithinTheLimitIsUntouched() {
        double[][] g = {{0.3, 0}, {100}, {0.4}};
        GradientClipping.clip(GROUPS, g, 1.0, WorkerPool.SERIAL, Integer.MAX_VALUE);
        assertArrayEquals(new double[] {0.3, 0}, g[0], 0.0);
        assertArrayEquals(new double[] {0.4}, g[2], 0.0);
    }

    @Test
    void theNormOfALargeGroupDoesNotDependOnTheThreads() {
        double[] big = new SplittableRandom(4).doubles(100_003, -1, 1).toArray();
        List<ParameterGroup> groups = List.of(new ParameterGroup("w", new double[big.length], "weights", true));
        double serial = GradientClipping.globalNorm(groups, new double[][] {big}, WorkerPool.SERIAL, Integer.MAX_VALUE);
        double plain = 0;
        for (double x : big) {
            plain += x * x;
        }
        assertEquals(Math.sqrt(plain), serial, 1e-12 * serial);
        for (int threads : new int[] {2, 3}) {
            try (WorkerPool pool = new WorkerPool(threads)) {
                double[] copy = big.clone();
                assertEquals(serial, GradientClipping.globalNorm(groups, new double[][] {copy}, pool, 1000), 0.0);
                double[] serialCopy = big.clone();
                GradientClipping.clip(groups, new double[][] {serialCopy}, 10, WorkerPool.SERIAL, Integer.MAX_VALUE);
                GradientClipping.clip(groups, new double[][] {copy}, 10, pool, 1000);
                assertArrayEquals(serialCopy, copy, 0.0);
            }
        }
    }

    @Test
    void theTrainerClipsTheBatchGradientBeforeTheOptimizerStep() {
        // one parameter, loss (w - 10)^2 / 2 per sample: the gradient w - 10 is clipped to norm 0.5,
        // so plain SGD with lr 1 moves w by 0.5 / (norm + 1e-6) * norm per batch while the norm exceeds 0.5
        TrainingOptions options = new TrainingOptions(1, 1, 1, 1, java.util.Map.of("weights", 1.0),
                StepSchedule.NONE, new OptimizerSettings(OptimizerSettings.Type.SGD, 0.9, 0.999, 1e-8, 0, false, 0, false),
                UpdateSchedule.PER_BATCH, 0.5);
        QuadraticLearner learner = new QuadraticLearner(3);
        try (Trainer<QuadraticLearner.Ws> trainer = new Trainer<>(learner, options)) {
            trainer.fit(0, TrainingListener.NONE);
        }
        double w = 0;
        for (int step = 0; step < 3; step++) {
            double g = w - 10;
            double c = 0.5 / (Math.abs(g) + 1e-6);
            w -= 1.0 * (c < 1 ? g * c : g);
        }
        assertEquals(w, learner.w.values()[0], 0.0);
        assertTrue(learner.w.values()[0] > 1.49 && learner.w.values()[0] < 1.5);
    }

    /** n identical samples with loss (w - 10)^2 / 2. */
    static final class QuadraticLearner implements Learner<QuadraticLearner.Ws> {
        final ParameterGroup w = new ParameterGroup("w", new double[1], "weights", true);
        final int n;

        QuadraticLearner(int n) {
            this.n = n;
        }

        record Ws(double[][] gradients) implements Learner.Workspace { }

        @Override public List<ParameterGroup> parameters() { return List.of(w); }
        @Override public Ws newWorkspace() { return new Ws(new double[][] {new double[1]}); }
        @Override public int size(Split split) { return split == Split.TRAIN ? n : 0; }
        @Override public SampleResult evaluate(Split split, int index, Ws ws) { return new SampleResult(0, 0, 0); }

        @Override
        public SampleResult learn(int index, Ws ws) {
            double d = w.values()[0] - 10;
            ws.gradients()[0][0] += d;
            return new SampleResult(d * d / 2, 0, 0);
        }
    }
}
