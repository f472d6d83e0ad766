package io.delaynet.hardware.chip;

/**
 * Every imperfection of the {@link EmulatedChip}, in the units of the nominal model (time in
 * tau_s, potentials in the units of the threshold). docs/chip-emulator.md gives the defaults of
 * {@link #brainScaleS2Like()} and where each comes from.
 *
 * @param mismatch fixed-pattern deviations of the neurons, frozen per chip instance
 * @param trial    trial-to-trial noise, fresh in every run of a sample
 * @param weights  the synapses' weight resolution
 * @param delays   the delay elements' range and mismatch
 * @param readout  the spike-time clock and the length of one run
 */
public record ChipParameters(Mismatch mismatch, TrialNoise trial, WeightResolution weights, DelayRange delays,
                             Readout readout) {

    /**
     * Fixed-pattern mismatch per neuron: each neuron's parameter is the nominal one plus a
     * Gaussian deviation drawn once per chip instance.
     *
     * @param tauM            relative sd of the membrane time constant (tau_m = nominal (1 + tauM ε))
     * @param tauS            relative sd of the synaptic time constant
     * @param thresholdOffset mean deviation of the threshold (a systematic miscalibration)
     * @param threshold       sd of the threshold
     * @param leak            sd of the resting (leak) potential, which the membrane starts from and decays to
     * @param weight          relative sd of each synapse's strength: a synapse realises its weight
     *                        level times (1 + weight ε), with ε drawn once per synapse circuit (the
     *                        excitatory and the inhibitory circuit of a connection draw separately)
     */
    public record Mismatch(double tauM, double tauS, double thresholdOffset, double threshold, double leak,
                           double weight) {
        public Mismatch {
            requireSd("mismatch.tau_m", tauM);
            requireSd("mismatch.tau_s", tauS);
            requireFinite("mismatch.threshold_offset", thresholdOffset);
            requireSd("mismatch.threshold", threshold);
            requireSd("mismatch.leak", leak);
            requireSd("mismatch.weight", weight);
        }

        Mismatch scaled(double s) {
            return new Mismatch(tauM * s, tauS * s, thresholdOffset * s, threshold * s, leak * s, weight * s);
        }
    }

    /**
     * Trial-to-trial noise, drawn anew for every run of a sample.
     *
     * @param spikeJitter  sd of a Gaussian shift of every emitted spike (it propagates and is recorded)
     * @param threshold    sd of a deviation of each neuron's threshold, drawn per run or per batch
     * @param delayJitter  sd of a per-run deviation of each delay element
     * @param thresholdPer {@code run}: a fresh threshold draw in every run of a sample; {@code batch}:
     *                     one draw per trial group, shared by every sample of the group (the DelGrad
     *                     reference's batch-to-batch noise). The group is the high 32 bits of the trial
     *                     identifier; delgrad-chip makes it one training batch or one evaluation pass.
     */
    public record TrialNoise(double spikeJitter, double threshold, double delayJitter, String thresholdPer) {
        public TrialNoise {
            requireSd("trial.spike_jitter", spikeJitter);
            requireSd("trial.threshold", threshold);
            requireSd("trial.delay_jitter", delayJitter);
            if (!"run".equals(thresholdPer) && !"batch".equals(thresholdPer)) {
                throw new IllegalArgumentException("trial.threshold_per must be run or batch, got " + thresholdPer);
            }
        }

        /** Whether the threshold noise is drawn once per trial group (batch) rather than per run. */
        public boolean thresholdPerBatch() {
            return "batch".equals(thresholdPer);
        }

        TrialNoise scaled(double s) {
            return new TrialNoise(spikeJitter * s, threshold * s, delayJitter * s, thresholdPer);
        }
    }

    /**
     * Signed weights with {@code bits} bits of magnitude (levels -(2^bits - 1) .. 2^bits - 1, the
     * sign choosing an excitatory or inhibitory synapse row as on BrainScaleS-2) times {@code lsb}.
     * A weight is rounded to the nearest level (half to even) and saturates at the largest one.
     *
     * @param bits magnitude bits, 1..30
     * @param lsb  weight of one level in model units; 0 means continuous weights (no quantisation)
     */
    public record WeightResolution(int bits, double lsb) {
        public WeightResolution {
            if (bits < 1 || bits > 30) {
                throw new IllegalArgumentException("weights.bits must be in 1..30, got " + bits);
            }
            if (!(lsb >= 0) || Double.isInfinite(lsb)) {
                throw new IllegalArgumentException("weights.lsb must be a finite number >= 0 (0: continuous), got " + lsb);
            }
        }

        public int maxLevel() {
            return (1 << bits) - 1;
        }

        /** The largest weight magnitude the chip can hold (+inf for continuous weights). */
        public double maxWeight() {
            return lsb == 0 ? Double.POSITIVE_INFINITY : maxLevel() * lsb;
        }

        /** The weight the chip realises for a requested one. */
        public double quantise(double w) {
            if (lsb == 0) {
                return w;
            }
            double level = Math.max(-maxLevel(), Math.min(maxLevel(), Math.rint(w / lsb)));
            return level * lsb;
        }
    }

    /**
     * The delay elements: a requested delay is realised as {@code clamp(d + m, min, max)}, where m
     * is the element's fixed-pattern offset ~ N(0, mismatch); the chip cannot leave its range.
     *
     * @param realisation {@code element}: one physical delay element per delay of the layer's kind
     *                    (per presynaptic line for axonal delays, as BrainScaleS-2's delay neurons),
     *                    whose offset and trial jitter every synapse it feeds shares; {@code synapse}:
     *                    every synapse realises its delay on its own (offset and jitter per synapse,
     *                    as the DelGrad reference's hardware-aware simulation draws its delay jitter)
     */
    public record DelayRange(double min, double max, double mismatch, String realisation) {
        public DelayRange {
            if (!(min >= 0) || !(max >= min)) {
                throw new IllegalArgumentException("delays need 0 <= min <= max, got [" + min + ", " + max + "]");
            }
            requireSd("delays.mismatch", mismatch);
            if (!"element".equals(realisation) && !"synapse".equals(realisation)) {
                throw new IllegalArgumentException("delays.realisation must be element or synapse, got " + realisation);
            }
        }

        /** Whether every synapse realises its delay on its own rather than through a shared element. */
        public boolean perSynapse() {
            return "synapse".equals(realisation);
        }

        public double realise(double requested, double offset) {
            return Math.max(min, Math.min(max, requested + offset));
        }

        DelayRange scaled(double s) {
            return new DelayRange(min, max, mismatch * s, realisation);
        }
    }

    /**
     * Spike times are read out, and inputs injected, on a clock of period {@code clock} (rounded
     * to the nearest tick; 0 = exact times); a run lasts {@code window}, and a spike later than
     * that is never emitted.
     */
    public record Readout(double clock, double window) {
        public Readout {
            if (!(clock >= 0) || Double.isInfinite(clock)) {
                throw new IllegalArgumentException("readout.clock must be a finite number >= 0 (0: exact), got " + clock);
            }
            if (!(window > 0)) {
                throw new IllegalArgumentException("readout.window must be > 0 (.inf: unlimited), got " + window);
            }
        }

        /** The nearest clock tick (ties to even), or t itself without a clock or for +inf. */
        public double quantise(double t) {
            return clock == 0 || !Double.isFinite(t) ? t : clock * Math.rint(t / clock);
        }
    }

    /**
     * The same chip with every random magnitude (all standard deviations and the threshold
     * offset) multiplied by {@code scale}; resolutions, ranges and the clock stay. The chip's
     * fixed-pattern shape is drawn independently of the scale, so scaling changes only its size.
     */
    public ChipParameters scaled(double scale) {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("noise scale must be a finite number >= 0, got " + scale);
        }
        return new ChipParameters(mismatch.scaled(scale), trial.scaled(scale), weights, delays.scaled(scale), readout);
    }

    /** A chip without imperfections: behaves exactly like the ideal simulator. */
    public static ChipParameters ideal() {
        return new ChipParameters(new Mismatch(0, 0, 0, 0, 0, 0), new TrialNoise(0, 0, 0, "run"),
                new WeightResolution(6, 0), new DelayRange(0, Double.POSITIVE_INFINITY, 0, "element"),
                new Readout(0, Double.POSITIVE_INFINITY));
    }

    /** The defaults documented in docs/chip-emulator.md (hardware-aware DelGrad units, theta = 2.6). */
    public static ChipParameters brainScaleS2Like() {
        return new ChipParameters(new Mismatch(0.05, 0.05, 0.13, 0.08, 0.05, 0), new TrialNoise(0.01, 0.04, 0.01, "run"),
                new WeightResolution(6, 1.0 / 30), new DelayRange(2.0, 3.5, 0.05, "element"), new Readout(0.01, 30.0));
    }

    /**
     * The noise model of the DelGrad authors' hardware-aware simulation (fastAndDeep,
     * experiment_configs/yin_yang_hwAware.yaml with src/utils.py and src/utils_spiketime.py):
     * threshold fixed pattern N(0.13, 0.08) per neuron, batch-to-batch threshold noise sd 0.04,
     * no neuron jitter, delay jitter sd 0.01 drawn per synapse and sample, weights rounded to 1/30
     * and clipped at 2.1 (63 levels), no mismatch of time constants, leak, weights or delays, exact
     * spike times and no run window. The same values as the {@code authors-hw-aware} preset of
     * delgrad-chip (preset-authors-hw-aware.yaml), which a test keeps equal.
     */
    public static ChipParameters authorsHardwareAware() {
        return new ChipParameters(new Mismatch(0, 0, 0.13, 0.08, 0, 0), new TrialNoise(0, 0.04, 0.01, "batch"),
                new WeightResolution(6, 1.0 / 30), new DelayRange(0, Double.POSITIVE_INFINITY, 0, "synapse"),
                new Readout(0, Double.POSITIVE_INFINITY));
    }

    private static void requireSd(String name, double sd) {
        if (!(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException(name + " must be a finite standard deviation >= 0, got " + sd);
        }
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        }
    }
}
