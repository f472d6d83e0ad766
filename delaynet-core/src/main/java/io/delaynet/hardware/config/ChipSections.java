package io.delaynet.hardware.config;

import io.delaynet.config.InfinityAllowed;
import io.delaynet.hardware.chip.ChipParameters;
import io.delaynet.hardware.calibration.CalibrationSettings;
import java.util.List;

/**
 * The three sections the {@code delgrad-chip} method adds to a DelGrad configuration (see
 * delgrad-chip-defaults.yaml for every key and its default).
 */
public record ChipSections(Backend backend, HardwareAwareSection hardwareAware, ChipSection chip) {
    /** The backend presets: base values of the backend's noise keys, laid under the user's own. */
    public static final List<String> PRESETS = List.of("none", "authors-hw-aware");

    public ChipSections {
        if (backend == null || hardwareAware == null || chip == null) {
            throw new IllegalArgumentException("the backend, hardware_aware and chip sections are required");
        }
    }

    /**
     * Which substrate runs the forward pass, and the emulated chip's imperfections.
     *
     * @param type       ideal (exact simulator) or emulated (the chip emulator)
     * @param preset     none, or the named set of noise values the keys below start from
     *                   (authors-hw-aware: the DelGrad authors' hardware-aware simulation)
     * @param chipSeed   the emulated chip instance: seeds its fixed-pattern mismatch
     * @param noiseScale multiplies every standard deviation and the threshold offset of the chip
     */
    @InfinityAllowed({"delays.max", "readout.window"})
    public record Backend(String type, String preset, long chipSeed, double noiseScale, ChipParameters.Mismatch mismatch,
                          ChipParameters.TrialNoise trial, ChipParameters.WeightResolution weights,
                          ChipParameters.DelayRange delays, ChipParameters.Readout readout) {
        public Backend {
            if (!"ideal".equals(type) && !"emulated".equals(type)) {
                throw new IllegalArgumentException("backend.type must be ideal or emulated, got " + type);
            }
            if (!PRESETS.contains(preset)) {
                throw new IllegalArgumentException("backend.preset must be one of " + String.join(", ", PRESETS)
                        + ", got " + preset);
            }
            if (!(noiseScale >= 0) || Double.isInfinite(noiseScale)) {
                throw new IllegalArgumentException("backend.noise_scale must be a finite number >= 0, got " + noiseScale);
            }
            if (mismatch == null || trial == null || weights == null || delays == null || readout == null) {
                throw new IllegalArgumentException("backend needs its mismatch, trial, weights, delays and readout sections");
            }
        }

        /** The chip's parameters with the noise scale applied. */
        public ChipParameters chip() {
            return new ChipParameters(mismatch, trial, weights, delays, readout).scaled(noiseScale);
        }
    }

    /** Hardware-aware training options; see {@link io.delaynet.hardware.loop.HardwareAware}. */
    public record HardwareAwareSection(boolean roundWeights, boolean clipWeights) {
    }

    /**
     * What the host measures of the chip: whether its model uses the delays a calibration measured
     * through the backend, when it measures again, and how it probes; and how it groups evaluation runs.
     *
     * @param calibration       nominal (the requested delays) or measured
     * @param recalibrateEvery  measured: calibrate again after every this many epochs (0 = only before training)
     * @param repeats           runs per probe network, averaged
     * @param probeThreshold    threshold of the probe neurons
     * @param probeWeight       weight of each probe synapse
     * @param evaluationBatch   with batch-level noise on the backend: evaluation runs share it in
     *                          batches of this many samples (the reference's batch_size_eval)
     */
    public record ChipSection(String calibration, int recalibrateEvery, int repeats, double probeThreshold,
                              double probeWeight, int evaluationBatch) {
        public ChipSection {
            if (!"nominal".equals(calibration) && !"measured".equals(calibration)) {
                throw new IllegalArgumentException("chip.calibration must be nominal or measured, got " + calibration);
            }
            if (recalibrateEvery < 0) {
                throw new IllegalArgumentException("chip.recalibrate_every must be >= 0 (0: only before training), got "
                        + recalibrateEvery);
            }
            if (evaluationBatch < 1) {
                throw new IllegalArgumentException("chip.evaluation_batch must be >= 1, got " + evaluationBatch);
            }
        }

        public boolean measured() {
            return "measured".equals(calibration);
        }

        /** The probe settings; {@code perSynapse} when the chip realises delays per synapse. */
        public CalibrationSettings settings(boolean perSynapse) {
            return new CalibrationSettings(repeats, probeThreshold, probeWeight, perSynapse);
        }
    }
}
