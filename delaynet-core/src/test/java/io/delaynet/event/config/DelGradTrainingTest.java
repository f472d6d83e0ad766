package io.delaynet.event.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.event.DelGradLearner;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.train.Evaluation;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelGradTrainingTest {

    private static DelGradLearner learner(String... overrides) {
        ResolvedConfig rc = ResolvedConfig.resolve(null, List.of(overrides));
        return (DelGradLearner) rc.build(new RunContext(null)).learner();
    }

    private static List<double[]> train(int threads, int epochs) {
        DelGradLearner learner = learner("training.threads=" + threads, "training.epochs=" + epochs);
        var options = new io.delaynet.config.TrainingSection(epochs, 150, 2000, threads,
                java.util.Map.of("weights", 0.01, "delays", 0.003),
                new io.delaynet.config.TrainingSection.Schedule(20, 0.95), false, "last").toOptions();
        try (Trainer<DelGradLearner.Workspace> trainer = new Trainer<>(learner, options)) {
            trainer.fit(0, TrainingListener.NONE);
        }
        List<double[]> values = new ArrayList<>();
        for (ParameterGroup g : learner.parameters()) {
            values.add(g.values().clone());
        }
        return values;
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalParameters() {
        List<double[]> one = train(1, 3);
        List<double[]> two = train(2, 3);
        assertEquals(one.size(), two.size());
        for (int g = 0; g < one.size(); g++) {
            assertArrayEquals(one.get(g), two.get(g), 0.0, "group " + g);
        }
    }

    /** Found by BadInputFuzzTest: 4 x 2^31-1 input lines overflowed into a negative array size. */
    @Test
    void replicasBeyondWhatFitsAreAOneLineError() {
        for (String replicas : new String[] {"2147483647", "100000000"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> ResolvedConfig.resolve(null,
                    List.of("data.replicas=" + replicas)).build(new RunContext(null)));
            assertTrue(e.getMessage().startsWith("config: data.replicas = " + replicas + " gives "), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals(20, learner("data.replicas=5").network().inputSize(), "five replicas still build");
    }

    /** Found by BadInputFuzzTest: a positive tau_syn_ms that is 0 in seconds failed late, with a stack trace. */
    @Test
    void aTimeUnitThatVanishesInSecondsIsAOneLineError() {
        ConfigException e = assertThrows(ConfigException.class, () -> ResolvedConfig.resolve(null,
                List.of("network.tau_syn_ms=4.9e-324")).build(new RunContext(null)));
        assertTrue(e.getMessage().contains("network.tau_syn_ms must be a positive number of ms"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFewEpochsLearnTheTask() {
        DelGradLearner learner = learner("training.epochs=5");
        var options = ResolvedConfig.resolve(null, List.of("training.epochs=5")).build(new RunContext(null))
                .training().toOptions();
        try (Trainer<DelGradLearner.Workspace> trainer = new Trainer<>(learner, options)) {
            double before = trainer.evaluate(Split.VALIDATION).accuracy();
            trainer.fit(0, TrainingListener.NONE);
            Evaluation after = trainer.evaluate(Split.VALIDATION);
            assertTrue(after.accuracy() > 0.8 && after.accuracy() > before + 0.3,
                    "validation accuracy " + before + " -> " + after.accuracy());
        }
    }

    @Test
    void theDefaultNetworkHasTheAuthorsParameterCounts() {
        assertEquals(420, countWithDelays("synaptic"));
        assertEquals(244, countWithDelays("axonal"));
        assertEquals(243, countWithDelays("dendritic"));
        assertEquals(210, countWithDelays("none"));
    }

    private static long count(DelGradLearner learner) {
        return learner.parameters().stream().mapToLong(ParameterGroup::size).sum();
    }

    /** Parameters of the default 4-30-3 network with every projection given the delay kind. */
    private static long countWithDelays(String kind) {
        var tree = ResolvedConfig.resolve(null, List.of()).tree();
        for (var layer : tree.get("network").get("layers")) {
            ((tools.jackson.databind.node.ObjectNode) layer).put("delays", kind);
        }
        var rc = ResolvedConfig.ofTree(tree, "t");
        return count((DelGradLearner) rc.build(new RunContext(null)).learner());
    }

    @Test
    void configMistakesAreOneLineErrorsThatNameTheKey() {
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> learner("training.epoch=3"));
        assertTrue(unknown.getMessage().contains("'training.epoch'") && unknown.getMessage().contains("epochs"),
                unknown.getMessage());
        ConfigException range = assertThrows(ConfigException.class, () -> learner("training.batch_size=0"));
        assertTrue(range.getMessage().contains("batch_size"), range.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> learner("training.epochs=many"));
        assertTrue(type.getMessage().contains("training.epochs"), type.getMessage());
        ConfigException ratio = assertThrows(ConfigException.class, () -> learner("network.tau_ratio=1.5"));
        assertTrue(ratio.getMessage().contains("tau_ratio"), ratio.getMessage());
        assertTrue(!unknown.getMessage().contains("\n"), "one line");
    }
}
