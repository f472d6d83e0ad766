package io.delaynet.hardware.loop;

import io.delaynet.train.Split;

/**
 * Names each run of a sample on the backend, so that its trial-to-trial noise is a function of
 * (optimizer step, purpose, sample) alone and never of threads, chunks or batch composition.
 * Layout: the step count and the purpose in the high 32 bits, the sample index in the low 32. The
 * high half names a trial group, which a backend may use for noise shared by a batch: one training
 * batch, one evaluation pass over a split, one calibration.
 */
final class TrialIds {
    private static final int TRAINING = 0;
    private static final int CALIBRATION = 7; // after 1 + the splits' ordinals

    private TrialIds() {
    }

    /** A training sample's run during the step that follows {@code steps} optimizer steps. */
    static long training(long steps, int sample) {
        return compose(steps, TRAINING, sample);
    }

    /** An evaluation run of a sample of a split, after {@code steps} optimizer steps. */
    static long evaluation(long steps, Split split, int sample) {
        return compose(steps, 1 + split.ordinal(), sample);
    }

    /** The k-th probe run of the delay calibration done after {@code steps} optimizer steps. */
    static long calibration(long steps, int run) {
        return compose(steps, CALIBRATION, run);
    }

    private static long compose(long steps, int purpose, int sample) {
        return ((steps * 8 + purpose) << 32) | (sample & 0xFFFFFFFFL);
    }
}
