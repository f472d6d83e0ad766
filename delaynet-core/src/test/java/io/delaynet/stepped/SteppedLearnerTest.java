package io.delaynet.stepped;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigTree;
import io.delaynet.stepped.loss.Decision;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import io.delaynet.train.TrainingOptions;
import io.delaynet.util.RandomStreams;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The learner under the shared trainer, on a synthetic task (no data files needed). */
class SteppedLearnerTest {
    private static final int STEPS = 10;

    private static SteppedLearner learner(String overrides, boolean sparse) {
        SteppedMethod method = new SteppedMethod();
        ObjectNode tree = ConfigTree.merge(method.defaults(), ConfigTree.parse(overrides, "test"));
        SteppedConfig config = ConfigBinder.bind(tree, SteppedConfig.class, "test");
        SyntheticSamples samples = new SyntheticSamples(40, 4, STEPS, 96, 5);
        SteppedNetwork net = NetworkFactory.build(config.network(), 40, 4, STEPS,
                new RandomStreams(config.training().seed()), config.loss().decision());
        Double clamp = config.network().weights().clamp();
        return new SteppedLearner(net, NetworkFactory.loss(config.loss(), config.network()), Decision.parse(config.loss().decision()),
                samples, sparse, clamp == null ? Double.POSITIVE_INFINITY : clamp);
    }

    private static final String SMALL = """
            network:
              hidden: [30]
              weights: {layers: [{mean: 0.6, std: 1.0}, {mean: 0.2, std: 1.0}]}
            """;

    private static double[][] train(SteppedLearner learner, int threads, int epochs) {
        TrainingOptions options = new TrainingOptions(epochs, 16, 3, threads,
                java.util.Map.of("weights", 0.01, "delays", 0.05), io.delaynet.train.StepSchedule.NONE, true);
        try (Trainer<SteppedWorkspace> trainer = new Trainer<>(learner, options)) {
            trainer.fit(0, TrainingListener.NONE);
        }
        return learner.parameters().stream().map(g -> g.values().clone()).toArray(double[][]::new);
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalParameters() {
        String both = SMALL + "  train_weights: true\n  train_delays: true\n";
        double[][] one = train(learner(both, true), 1, 2);
        double[][] two = train(learner(both, true), 2, 2);
        double[][] start = learner(both, true).parameters().stream().map(g -> g.values().clone())
                .toArray(double[][]::new);
        for (int g = 0; g < one.length; g++) {
            assertArrayEquals(one[g], two[g], 0.0, "group " + g);
            assertFalse(Arrays.equals(start[g], one[g]), "group " + g + " did not train");
        }
    }

    @Test
    void delayOnlyTrainingLeavesWeightsAndKeepsDelaysNonNegative() {
        SteppedLearner learner = learner(SMALL, true);
        List<ParameterGroup> groups = learner.parameters();
        double[] w1 = groups.get(0).values().clone();
        double[] d1 = groups.get(1).values().clone();
        train(learner, 1, 2);
        assertArrayEquals(w1, groups.get(0).values(), 0.0, "frozen weights moved");
        assertFalse(Arrays.equals(d1, groups.get(1).values()), "delays did not move");
        for (ParameterGroup g : groups) {
            if (g.rateKey().equals("delays")) {
                for (double d : g.values()) {
                    assertTrue(d >= 0, g.name() + " has a negative delay " + d);
                }
            }
        }
    }

    @Test
    void weightOnlyTrainingLeavesDelays() {
        SteppedLearner learner = learner(SMALL + "  train_weights: true\n  train_delays: false\n", true);
        double[] d = learner.parameters().get(1).values().clone();
        train(learner, 1, 1);
        assertArrayEquals(d, learner.parameters().get(1).values(), 0.0);
    }

    @Test
    void delayOnlyTrainingLearnsTheSyntheticTask() {
        SteppedLearner learner = learner(SMALL, true);
        TrainingOptions options = new TrainingOptions(6, 16, 3, 1, java.util.Map.of("weights", 0.01, "delays", 0.05),
                io.delaynet.train.StepSchedule.NONE, true);
        List<EpochMetrics> history;
        try (Trainer<SteppedWorkspace> trainer = new Trainer<>(learner, options)) {
            history = trainer.fit(0, TrainingListener.NONE);
        }
        EpochMetrics first = history.get(0);
        EpochMetrics last = history.get(history.size() - 1);
        assertTrue(last.trainLoss() < first.trainLoss(), "loss did not fall: " + first.trainLoss() + " -> "
                + last.trainLoss());
        assertTrue(last.validationAccuracy() > 0.5, "validation accuracy " + last.validationAccuracy()
                + " is not above chance (0.25) by a margin");
    }

    @Test
    void denseBaselineTrainsToTheSameParameters() {
        double[][] sparse = train(learner(SMALL, true), 1, 1);
        double[][] dense = train(learner(SMALL, false), 1, 1);
        for (int g = 0; g < sparse.length; g++) {
            assertArrayEquals(sparse[g], dense[g], 0.0);
        }
        assertEquals(4, sparse.length);
    }

    /** The NA paper's setting in small: filtered LIF, kernel loss, spike-count decision, weights and delays by NA. */
    private static final String NA = """
            network:
              hidden: [30]
              estimator: na
              neuron: {model: filtered_lif, threshold: 1.0}
              weights: {scale: 1.0, layers: [{mean: 0.3, std: 1.0}, {mean: 0.1, std: 0.6}]}
              delays: {forward: linear, init_high: 2.0}
              train_weights: true
            loss: {kind: filtered_kernel, decision: most_spikes}
            """;

    @Test
    void neighbourhoodAggregationLearnsTheSyntheticTaskAndIsThreadCountIndependent() {
        SteppedLearner learner = learner(NA, true);
        assertTrue(learner.network().layer(0).estimator().describe().startsWith("neighbourhood aggregation"));
        TrainingOptions options = new TrainingOptions(4, 16, 3, 2, java.util.Map.of("weights", 0.01, "delays", 0.05),
                io.delaynet.train.StepSchedule.NONE, true);
        List<EpochMetrics> history;
        try (Trainer<SteppedWorkspace> trainer = new Trainer<>(learner, options)) {
            history = trainer.fit(0, TrainingListener.NONE);
        }
        EpochMetrics first = history.get(0);
        EpochMetrics last = history.get(history.size() - 1);
        assertTrue(last.trainLoss() < first.trainLoss(), "loss did not fall: " + first.trainLoss() + " -> "
                + last.trainLoss());
        assertTrue(last.validationAccuracy() > 0.5, "validation accuracy " + last.validationAccuracy()
                + " is not above chance (0.25) by a margin");
        double[][] one = train(learner(NA, true), 1, 1);
        double[][] two = train(learner(NA, true), 2, 1);
        for (int g = 0; g < one.length; g++) {
            assertArrayEquals(one[g], two[g], 0.0, "group " + g);
        }
    }

    @Test
    void naRefusesNeuronsAndLayersItCannotServe() {
        assertThrows(io.delaynet.config.ConfigException.class, () -> learner("""
                network: {estimator: na}
                """, true));
        assertThrows(io.delaynet.config.ConfigException.class, () -> learner("""
                network: {estimator: na, recurrent: true, neuron: {model: lif}}
                """, true));
    }

    @Test
    void kaimingInitialisationAndWeightClamping() {
        SteppedLearner learner = learner(NA.replace("weights: {scale: 1.0, layers: [{mean: 0.3, std: 1.0}, {mean: 0.1, std: 0.6}]}",
                "weights: {init: kaiming, scale: 2.0, clamp: 0.5}"), true);
        double[] w = learner.parameters().get(0).values(); // 40 inputs: std 2 sqrt(2/40) = 0.447
        double sum = 0;
        double squares = 0;
        for (double v : w) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / w.length;
        double std = Math.sqrt(squares / w.length - mean * mean);
        assertEquals(2 * Math.sqrt(2.0 / 40), std, 0.05, "kaiming spread");
        assertEquals(0.0, mean, 0.06, "kaiming mean");
        train(learner, 1, 1);
        double largest = 0;
        for (ParameterGroup g : learner.parameters()) {
            if (g.rateKey().equals("weights")) {
                for (double v : g.values()) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        assertEquals(0.5, largest, 0.0, "weights leave [-clamp, clamp] or never reach it");
    }
}
