package io.delaynet.run.sweep;

import io.delaynet.run.RunSummary;
import io.delaynet.train.TrainingListener;

/**
 * What a sweep reports while it runs. Points are numbered by their place in the sweep. A runner
 * that trains several points at once calls {@link #started} and {@link #finished} one at a time
 * (never concurrently), in the order the points start and finish; the listener of
 * {@link #training} is called from the thread that trains that point. A distributed runner may
 * report only what reaches it. An exception thrown here stops the sweep: points that are running
 * finish (their folders keep what they trained), no new one starts, and the sweep rethrows it.
 */
public interface SweepListener {
    SweepListener NONE = new SweepListener() {
    };

    /** A point is about to run (train, resume, extend, or just read a finished run). */
    default void started(int point, RunTask task) {
    }

    /** A point's folder holds its finished run. */
    default void finished(int point, RunSummary summary) {
    }

    /** The listener for the batches and epochs of one point's training. */
    default TrainingListener training(int point) {
        return TrainingListener.NONE;
    }
}
