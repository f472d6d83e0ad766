package io.delaynet.hardware.loop;

import io.delaynet.hardware.calibration.CalibrationSettings;

/**
 * Whether, and when, training in the loop calibrates the chip's delays: measured before training
 * and, if {@code everyEpochs} > 0, again after every that many epochs (at the end of the epoch's
 * last batch, before validation).
 *
 * @param measured        calibrate at all (false: the host assumes the requested delays)
 * @param everyEpochs     epochs between calibrations during training; 0 = only before training
 * @param batchesPerEpoch batches in one epoch, to find the epoch ends from the batch count
 * @param settings        how the calibration probes the chip
 */
public record CalibrationPlan(boolean measured, int everyEpochs, int batchesPerEpoch, CalibrationSettings settings) {
    public CalibrationPlan {
        if (everyEpochs < 0) {
            throw new IllegalArgumentException("chip.recalibrate_every must be >= 0, got " + everyEpochs);
        }
        if (batchesPerEpoch < 1) {
            throw new IllegalArgumentException("an epoch needs at least one batch");
        }
    }

    /** No calibration: the host's model uses the requested delays. */
    public static CalibrationPlan none() {
        return new CalibrationPlan(false, 0, 1, new CalibrationSettings(1, 1, 1, false));
    }

    /** Whether a calibration is due once {@code steps} batches are done. */
    boolean dueAfter(long steps) {
        return measured && everyEpochs > 0 && steps > 0 && steps % ((long) everyEpochs * batchesPerEpoch) == 0;
    }
}
