package io.delaynet.online;

import io.delaynet.train.Allocations;
import io.delaynet.train.OptimizerSettings;
import io.delaynet.train.StepSchedule;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingOptions;
import io.delaynet.train.UpdateSchedule;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The online method's memory estimate against what its workspaces (histories, traces) and trainer
 * allocate: without the input list's growth, the allocation to a few per cent; with it, above.
 */
class OnlineMemoryEstimateTest {
    @ParameterizedTest(name = "hidden {0}, recurrent {1}, {2} delays, {3} read-out")
    @CsvSource({"40, true, synaptic, leaky_integrator", "40, false, axonal, leaky_integrator",
            "60, true, none, leaky_integrator", "40, false, synaptic, spiking", "40, true, axonal, spiking"})
    void theEstimateBoundsWhatAWorkspaceAndATrainerAllocate(int hidden, boolean recurrent, String delays,
                                                           String readout) {
        OnlineNetwork net = OnlineFixtures.network(OnlineFixtures.small(hidden, recurrent, delays, "linear", 0.05,
                "readout: {model: " + readout + "}", ""), 30, 3, 200);
        OnlineLearner learner = new OnlineLearner(net, new RandomSpikes(30, 3, 200, 2, 0.15));
        long withoutGrowth = learner.workspaceBytes() - OnlineWorkspace.bytes(net) + OnlineWorkspace.bytes(net, 0);
        Allocations.bounds(withoutGrowth, learner::newWorkspace, 1.03, "one new workspace");
        TrainingOptions options = new TrainingOptions(1, 8, 1, 1, Map.of("weights", 0.01, "delays", 0.1),
                StepSchedule.NONE, OptimizerSettings.adam(false), UpdateSchedule.PER_BATCH, Double.POSITIVE_INFINITY);
        Allocations.bounds(Trainer.bytesNeeded(learner, options), () -> new Trainer<>(learner, options), 1.5,
                "a trainer");
    }
}
