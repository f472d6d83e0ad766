package io.delaynet.hardware.config;

import io.delaynet.config.TrainingSection;
import io.delaynet.event.DelGradLearner;
import io.delaynet.event.EventDescriptions;
import io.delaynet.model.NetworkDescription;
import io.delaynet.hardware.loop.ChipInTheLoop;
import io.delaynet.run.Experiment;
import io.delaynet.event.config.DelGradConfig;
import io.delaynet.event.config.DelGradInspection;
import io.delaynet.inspect.DecisionMap;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.train.Split;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A configured chip-in-the-loop run. */
public final class ChipExperiment implements Experiment {
    private final TrainingSection training;
    private final ChipInTheLoop loop;
    private final double tauSynSeconds;
    private final boolean freshTrialNoise;
    private final DelGradConfig.Data data;

    /** @param freshTrialNoise whether the chip draws trial noise (jitter, threshold noise), so each evaluation differs */
    ChipExperiment(TrainingSection training, ChipInTheLoop loop, double tauSynSeconds, boolean freshTrialNoise,
                   DelGradConfig.Data data) {
        this.data = data;
        this.training = training;
        this.loop = loop;
        this.tauSynSeconds = tauSynSeconds;
        this.freshTrialNoise = freshTrialNoise;
    }

    /** Trial identifiers count the chip's steps, which a loaded model starts afresh: its noise is a new draw. */
    @Override
    public Optional<String> evaluationNote() {
        return freshTrialNoise ? Optional.of("a chip run: this evaluation draws fresh trial noise (backend.trial), so "
                + "it differs from the run's summary.json by that noise; the chip instance (mismatch) is the same")
                : Optional.empty();
    }

    /** The host's nominal network: what was trained; the chip's mismatch belongs to the backend. */
    @Override
    public Optional<NetworkDescription> description() {
        return Optional.of(EventDescriptions.describe(loop.learner().network(), tauSynSeconds));
    }

    /**
     * The requested delays (what the host trains and sends); the chip realises each with its
     * element's offset and jitter, which belong to the backend.
     */
    @Override
    public List<DelayDistribution> delays() {
        return new DelGradInspection(loop.learner()).delays();
    }

    /** The host model's spikes with the trained parameters: what the chip is asked to do, without its noise. */
    @Override
    public List<SampleSpikes> sampleSpikes(Split split, int[] samples) {
        return new DelGradInspection(loop.learner()).sampleSpikes(split, samples);
    }

    @Override
    public Optional<DecisionMap> decisionMap(int resolution) {
        return new DelGradInspection(loop.learner()).decisionMap(resolution, data);
    }

    @Override
    public DelGradLearner learner() {
        return loop.learner();
    }

    @Override
    public TrainingSection training() {
        return training;
    }

    @Override
    public Map<String, double[]> extraState() {
        double[] calibration = loop.forwardPass().calibrationState();
        if (calibration.length == 0) {
            return Map.of("weight_bumping", loop.learner().bumpState().toArray(),
                    "chip_steps", new double[] {loop.forwardPass().steps()});
        }
        // the host's measured delays, so a resumed run goes on with the calibration it had
        return Map.of("weight_bumping", loop.learner().bumpState().toArray(),
                "chip_steps", new double[] {loop.forwardPass().steps()}, "chip_calibration", calibration);
    }

    @Override
    public void restoreExtraState(Map<String, double[]> state) {
        double[] b = state.get("weight_bumping");
        if (b != null) {
            loop.learner().bumpState().restore(b);
        }
        double[] s = state.get("chip_steps");
        if (s != null) {
            loop.forwardPass().restoreSteps((long) s[0]);
        }
        double[] c = state.get("chip_calibration");
        if (c != null) {
            loop.forwardPass().restoreCalibration(c);
        }
    }
}
