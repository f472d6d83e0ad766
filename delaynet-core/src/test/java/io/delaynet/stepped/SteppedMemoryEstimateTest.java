package io.delaynet.stepped;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigTree;
import io.delaynet.stepped.loss.Decision;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.train.Allocations;
import io.delaynet.train.OptimizerSettings;
import io.delaynet.train.StepSchedule;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingOptions;
import io.delaynet.train.UpdateSchedule;
import io.delaynet.util.RandomStreams;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The time-stepped method's memory estimate against what its workspaces and trainer really
 * allocate: never below, and not far above (the spike lists, which grow with a sample's spikes,
 * are counted at their assumed share; without them the estimate is the allocation to a few per cent).
 */
class SteppedMemoryEstimateTest {
    private static SteppedLearner learner(int steps, String hidden, boolean recurrent, String delays, boolean sparse) {
        SteppedMethod method = new SteppedMethod();
        String yaml = """
                network:
                  hidden: %s
                  recurrent: %s
                  delays: {kind: %s, max: 20.0}
                %s""".formatted(hidden, recurrent, delays, hidden.contains(",")
                ? "  weights: {layers: [{mean: 0.3, std: 1.0}, {mean: 0.3, std: 1.0}, {mean: 0.2, std: 1.0}]}\n" : "");
        ObjectNode tree = ConfigTree.merge(method.defaults(), ConfigTree.parse(yaml, "test"));
        SteppedConfig config = ConfigBinder.bind(tree, SteppedConfig.class, "test");
        SteppedNetwork net = NetworkFactory.build(config.network(), 40, 4, steps,
                new RandomStreams(config.training().seed()), config.loss().decision());
        return new SteppedLearner(net, NetworkFactory.loss(config.loss(), config.network()),
                Decision.parse(config.loss().decision()), new SyntheticSamples(40, 4, steps, 8, 5), sparse,
                Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest(name = "{0} steps, hidden {1}, recurrent {2}, {3} delays, sparse {4}")
    @CsvSource({"200, [64], false, synaptic, true", "200, [64], true, synaptic, true", "300, '[48, 32]', true, axonal, true",
            "200, [64], false, none, false", "120, [100], true, synaptic, false"})
    void theEstimateBoundsWhatAWorkspaceAndATrainerAllocate(int steps, String hidden, boolean recurrent, String delays,
                                                            boolean sparse) {
        SteppedLearner learner = learner(steps, hidden, recurrent, delays, sparse);
        // as allocated, before a sample grows its spike lists: within a few per cent of what the JVM counts
        Allocations.bounds(learner.workspaceBytes(0), learner::newWorkspace, 1.03, "one new workspace");
        assertTrue(learner.workspaceBytes() > learner.workspaceBytes(0), "the spike lists' growth is counted too");
        TrainingOptions options = new TrainingOptions(1, 8, 1, 1, Map.of("weights", 0.01, "delays", 0.1),
                StepSchedule.NONE, OptimizerSettings.adam(false), UpdateSchedule.PER_BATCH, Double.POSITIVE_INFINITY);
        Allocations.bounds(Trainer.bytesNeeded(learner, options), () -> new Trainer<>(learner, options),
                sparse ? 1.3 : 1.8, "a trainer");
    }
}
