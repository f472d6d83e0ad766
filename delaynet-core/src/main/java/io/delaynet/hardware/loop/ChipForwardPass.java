package io.delaynet.hardware.loop;

import io.delaynet.event.EventNetwork;
import io.delaynet.event.EventTrace;
import io.delaynet.event.ForwardPass;
import io.delaynet.hardware.SpikeRecord;
import io.delaynet.hardware.SpikingBackend;
import io.delaynet.hardware.calibration.CalibrationSettings;
import io.delaynet.hardware.calibration.CalibrationTable;
import io.delaynet.hardware.calibration.DelayCalibration;
import io.delaynet.train.Split;

/**
 * DelGrad's forward pass on a {@link SpikingBackend} ("chip in the loop"). The backend reports
 * spike times only; the host's nominal model of the deployed network takes them in
 * ({@link EventNetwork#observe}), and its backward pass gives DelGrad's gradients at those times.
 * That model has the trained network's parameter shapes, so the gradients apply to the float
 * parameters unchanged (straight through the weight rounding).
 *
 * <p>Trial noise: every run is named by {@link TrialIds} from the number of batches trained so far
 * and the sample index, so results do not depend on the thread count; the count is part of the
 * run's checkpointed state.
 */
public final class ChipForwardPass implements ForwardPass {
    private final SpikingBackend backend;
    private final DeployedNetwork deployed;
    private final CalibrationPlan calibration;
    private final int evaluationBatch;
    private long steps;

    /**
     * Deploys {@code trained}, as it is now, to the backend, and calibrates its delays if planned.
     *
     * @param evaluationBatch evaluation runs form trial groups of this many samples (for a backend
     *                        with batch-level noise); 0: one group per evaluation pass
     */
    ChipForwardPass(EventNetwork trained, SpikingBackend backend, HardwareAware hardwareAware,
                    CalibrationPlan calibration, int evaluationBatch) {
        this.backend = backend;
        this.deployed = new DeployedNetwork(trained, hardwareAware);
        this.calibration = calibration;
        this.evaluationBatch = evaluationBatch;
        backend.load(deployed.description());
        if (calibration.measured()) {
            calibrate(calibration.settings());
        }
    }

    /**
     * Measures the realised delays of the deployed network through the backend
     * ({@link DelayCalibration}) and makes the host's model use them from now on; the backend is
     * left with the deployed network loaded. Its probe runs are named by the step count, so the
     * result does not depend on when else the chip was used.
     */
    public CalibrationTable calibrate(CalibrationSettings settings) {
        long at = steps;
        CalibrationTable table = DelayCalibration.measure(backend, deployed.description(), settings,
                run -> TrialIds.calibration(at, run));
        deployed.useCalibration(table);
        return table;
    }

    /** The host model's delay corrections from the last calibration, for checkpoints (empty: none). */
    public double[] calibrationState() {
        return deployed.corrections();
    }

    public void restoreCalibration(double[] corrections) {
        deployed.restoreCorrections(corrections);
    }

    public SpikingBackend backend() {
        return backend;
    }

    /** Optimizer steps (and skipped steps) taken so far: names the trial noise of the next runs. */
    public long steps() {
        return steps;
    }

    public void restoreSteps(long value) {
        steps = value;
    }

    @Override
    public EventNetwork network() {
        return deployed.network();
    }

    @Override
    public double[] learn(int sample, double[] input, EventTrace trace) {
        SpikeRecord observed = backend.run(input, TrialIds.training(steps, sample));
        deployed.network().observe(observed.times(), trace);
        return trace.outputTimes();
    }

    @Override
    public double[] evaluate(Split split, int sample, double[] input, EventTrace trace) {
        return backend.run(input, TrialIds.evaluation(steps, split, sample, evaluationBatch)).output();
    }

    @Override
    public void batchDone() {
        steps++; // every batch moves the trial noise on, whether or not the optimizer steps
    }

    /** Writes the changed network to the backend (rounded again, if training hardware-aware). */
    @Override
    public void parametersChanged() {
        deployed.sync();
        backend.load(deployed.description());
        // steps == 0: parameters set from outside before any training (a model loaded for evaluation)
        if (calibration.measured() && (steps == 0 || calibration.dueAfter(steps))) {
            calibrate(calibration.settings());
        }
    }
}
