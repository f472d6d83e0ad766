package io.delaynet.hardware.config;

import io.delaynet.hardware.chip.ChipParameters;

/**
 * The two sections the {@code delgrad-chip} method adds to a DelGrad configuration (see
 * delgrad-chip-defaults.yaml for every key and its default).
 */
public record ChipSections(Backend backend, HardwareAwareSection hardwareAware) {
    public ChipSections {
        if (backend == null || hardwareAware == null) {
            throw new IllegalArgumentException("the backend and hardware_aware sections are required");
        }
    }

    /**
     * Which substrate runs the forward pass, and the emulated chip's imperfections.
     *
     * @param type       ideal (exact simulator) or emulated (the chip emulator)
     * @param chipSeed   the emulated chip instance: seeds its fixed-pattern mismatch
     * @param noiseScale multiplies every standard deviation and the threshold offset of the chip
     */
    public record Backend(String type, long chipSeed, double noiseScale, ChipParameters.Mismatch mismatch,
                          ChipParameters.TrialNoise trial, ChipParameters.WeightResolution weights,
                          ChipParameters.DelayRange delays, ChipParameters.Readout readout) {
        public Backend {
            if (!"ideal".equals(type) && !"emulated".equals(type)) {
                throw new IllegalArgumentException("backend.type must be ideal or emulated, got " + type);
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
}
