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
    private static final long EVALUATION_BATCHES = 1L << 30; // in the group: a batch of an evaluation pass

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

    /**
     * An evaluation run of a sample of a split, after {@code steps} optimizer steps, with the pass cut
     * into batches of {@code batch} samples that are trial groups of their own (for batch-level noise,
     * as the DelGrad reference evaluates in batches); {@code batch} = 0: the plain identifier, one group
     * for the whole pass. The group of a batched run is marked by bit 62 and holds (pass, batch index).
     */
    static long evaluation(long steps, Split split, int sample, int batch) {
        if (batch <= 0) {
            return evaluation(steps, split, sample);
        }
        long pass = steps * 8 + 1 + split.ordinal();
        long index = sample / batch;
        if (pass >= 1L << 22 || index >= 1L << 8) {
            throw new IllegalStateException("batched evaluation groups hold at most 2^19 steps and 256 batches, got step "
                    + steps + " and batch " + index + "; raise chip.evaluation_batch");
        }
        long group = EVALUATION_BATCHES | pass << 8 | index;
        return group << 32 | (sample & 0xFFFFFFFFL);
    }

    /** The k-th probe run of the delay calibration done after {@code steps} optimizer steps. */
    static long calibration(long steps, int run) {
        return compose(steps, CALIBRATION, run);
    }

    private static long compose(long steps, int purpose, int sample) {
        return ((steps * 8 + purpose) << 32) | (sample & 0xFFFFFFFFL);
    }
}
