package io.delaynet.hardware.config;

import io.delaynet.config.TrainingSection;
import io.delaynet.hardware.loop.ChipInTheLoopLearner;
import io.delaynet.run.Experiment;
import java.util.Map;

/** A configured chip-in-the-loop run. */
public final class ChipExperiment implements Experiment {
    private final TrainingSection training;
    private final ChipInTheLoopLearner learner;

    ChipExperiment(TrainingSection training, ChipInTheLoopLearner learner) {
        this.training = training;
        this.learner = learner;
    }

    @Override
    public ChipInTheLoopLearner learner() {
        return learner;
    }

    @Override
    public TrainingSection training() {
        return training;
    }

    @Override
    public Map<String, double[]> extraState() {
        return Map.of("weight_bumping", learner.bumpState().toArray(),
                "chip_steps", new double[] {learner.steps()});
    }

    @Override
    public void restoreExtraState(Map<String, double[]> state) {
        double[] b = state.get("weight_bumping");
        if (b != null) {
            learner.bumpState().restore(b);
        }
        double[] s = state.get("chip_steps");
        if (s != null) {
            learner.restoreSteps((long) s[0]);
        }
    }
}
