package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** Softmax regression on separable 2-D blobs: a learner small enough to reason about. */
    static final class SoftmaxLearner implements Learner<SoftmaxLearner.Ws> {
        final double[][] x;
        final int[] y;
        final ParameterGroup w = new ParameterGroup("w", new double[3 * 3], "weights", true);

        SoftmaxLearner(long seed, int n) {
            SplittableRandom r = new SplittableRandom(seed);
            x = new double[n][];
            y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 3;
                double angle = 2 * Math.PI * y[i] / 3;
                x[i] = new double[] {Math.cos(angle) + 0.3 * r.nextGaussian(), Math.sin(angle) + 0.3 * r.nextGaussian(), 1};
            }
        }

        record Ws(double[][] gradients) implements Learner.Workspace { }

        @Override public List<ParameterGroup> parameters() { return List.of(w); }
        @Override public Ws newWorkspace() { return new Ws(new double[][] {new double[9]}); }
        @Override public int size(Split split) { return split == Split.TRAIN ? x.length : 0; }

        @Override
        public SampleResult learn(int index, Ws ws) {
            return forward(index, ws.gradients()[0]);
        }

        @Override
        public SampleResult evaluate(Split split, int index, Ws ws) {
            return forward(index, null);
        }

        private SampleResult forward(int i, double[] grad) {
            double[] z = new double[3];
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    z[k] += w.values()[k * 3 + j] * x[i][j];
                }
                if (z[k] > max) {
                    max = z[k];
                    arg = k;
                }
            }
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += Math.exp(z[k] - max);
            }
            double loss = Math.log(sum) + max - z[y[i]];
            if (grad != null) {
                for (int k = 0; k < 3; k++) {
                    double p = Math.exp(z[k] - max) / sum - (k == y[i] ? 1 : 0);
                    for (int j = 0; j < 3; j++) {
                        grad[k * 3 + j] += p * x[i][j];
                    }
                }
            }
            return new SampleResult(loss, arg, y[i]);
        }
    }

    private static double[] train(int threads, int epochs) {
        SoftmaxLearner learner = new SoftmaxLearner(7, 301);
        TrainingOptions options = new TrainingOptions(epochs, 37, 11, threads, Map.of("weights", 0.05),
                new StepSchedule(2, 0.5), false);
        try (Trainer<SoftmaxLearner.Ws> trainer = new Trainer<>(learner, options)) {
            List<EpochMetrics> history = trainer.fit(0, TrainingListener.NONE);
            assertEquals(epochs, history.size());
            assertTrue(history.get(epochs - 1).trainAccuracy() > 0.9, "learns the blobs");
        }
        return learner.w.values().clone();
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        double[] one = train(1, 4);
        assertArrayEquals(one, train(2, 4), 0.0);
        assertArrayEquals(one, train(5, 4), 0.0);
    }

    /**
     * A learner with one group large enough for the parallel reduction and Adam step: per-sample
     * gradients are arbitrary but fixed functions of the sample, the index and the current value.
     */
    static final class WideLearner implements Learner<WideLearner.Ws> {
        final ParameterGroup p = new ParameterGroup("delays", new double[2 * Trainer.PARALLEL_MIN + 123], "delays", true);

        record Ws(double[][] gradients) implements Learner.Workspace { }

        @Override public List<ParameterGroup> parameters() { return List.of(p); }
        @Override public Ws newWorkspace() { return new Ws(new double[][] {new double[p.size()]}); }
        @Override public int size(Split split) { return split == Split.TRAIN ? 50 : 0; }
        @Override public SampleResult evaluate(Split split, int index, Ws ws) { return new SampleResult(0, 0, 0); }

        @Override
        public SampleResult learn(int index, Ws ws) {
            double[] g = ws.gradients()[0];
            double[] v = p.values();
            for (int i = 0; i < g.length; i++) {
                g[i] += Math.sin(0.37 * index + 1e-3 * i) / (1 + index) + 0.1 * v[i] * v[i];
            }
            return new SampleResult(0, 0, 0);
        }
    }

    /** The same training written out serially: chunk sums in order, their sum, the mean, Adam. */
    private static double[] trainWideByHand() {
        WideLearner learner = new WideLearner();
        Adam adam = Adam.withDefaults(learner.parameters(), true);
        int n = learner.size(Split.TRAIN);
        for (int epoch = 0; epoch < 2; epoch++) {
            int[] order = Trainer.shuffledOrder(n, new io.delaynet.util.RandomStreams(5).stream("data-order", epoch));
            double[] total = new double[learner.p.size()];
            for (int c = 0; c < Trainer.CHUNKS; c++) {
                WideLearner.Ws ws = learner.newWorkspace();
                for (int i = c * n / Trainer.CHUNKS; i < (c + 1) * n / Trainer.CHUNKS; i++) {
                    learner.learn(order[i], ws);
                }
                for (int k = 0; k < total.length; k++) {
                    total[k] = c == 0 ? ws.gradients()[0][k] : total[k] + ws.gradients()[0][k];
                }
            }
            for (int k = 0; k < total.length; k++) {
                total[k] *= 1.0 / n;
            }
            adam.step(new double[][] {total}, key -> 0.01);
        }
        return learner.p.values().clone();
    }

    private static double[] trainWide(int threads) {
        WideLearner learner = new WideLearner();
        TrainingOptions options = new TrainingOptions(2, 50, 5, threads, Map.of("delays", 0.01),
                new StepSchedule(0, 1), true);
        try (Trainer<WideLearner.Ws> trainer = new Trainer<>(learner, options)) {
            trainer.fit(0, TrainingListener.NONE);
        }
        return learner.p.values().clone();
    }

    @Test
    void largeGroupsReducedAndSteppedInParallelSlicesStayBitIdentical() {
        double[] one = trainWide(1);
        assertArrayEquals(trainWideByHand(), one, 0.0);
        assertArrayEquals(one, trainWide(2), 0.0);
        assertArrayEquals(one, trainWide(3), 0.0);
    }

    @Test
    void shuffleIsAPermutationAndDependsOnTheEpoch() {
        int[] a = Trainer.shuffledOrder(100, new io.delaynet.util.RandomStreams(3).stream("data-order", 0));
        int[] b = Trainer.shuffledOrder(100, new io.delaynet.util.RandomStreams(3).stream("data-order", 1));
        assertEquals(4950, java.util.Arrays.stream(a).sum());
        assertEquals(100, java.util.Arrays.stream(a).distinct().count());
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    @Test
    void stepScheduleDecaysPerStep() {
        StepSchedule s = new StepSchedule(20, 0.95);
        assertEquals(1.0, s.factor(19));
        assertEquals(0.95, s.factor(20), 1e-15);
        assertEquals(0.95 * 0.95, s.factor(45), 1e-15);
    }
}
