package io.delaynet.event;

import io.delaynet.config.ConfigTree;
import io.delaynet.run.Experiment;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.train.Allocations;
import io.delaynet.train.Learner;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingOptions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DelGrad's memory estimate against what its workspaces (the sorted arrival traces) and trainer allocate. */
class DelGradMemoryEstimateTest {
    @ParameterizedTest(name = "delays {0}")
    @ValueSource(strings = {"synaptic", "axonal", "none"})
    void theEstimateBoundsWhatAWorkspaceAndATrainerAllocate(String delays) {
        String yaml = """
                network:
                  layers:
                    - {size: 120, delays: %s}
                    - {size: 3, delays: %s}
                training: {threads: 1}
                """.formatted(delays, delays);
        Experiment e = ResolvedConfig.resolve(ConfigTree.parse(yaml, "test"), "test", List.of()).build(new RunContext(null));
        @SuppressWarnings("unchecked")
        Learner<Learner.Workspace> learner = (Learner<Learner.Workspace>) e.learner();
        Allocations.bounds(learner.workspaceBytes(), learner::newWorkspace, 1.1, "one workspace");
        TrainingOptions options = e.training().toOptions();
        Allocations.bounds(Trainer.bytesNeeded(learner, options), () -> new Trainer<>(learner, options), 1.1,
                "a trainer");
    }
}
