package io.delaynet.train;

/** Hooks for progress display, logging and checkpoints. All calls come from the trainer's thread. */
public interface TrainingListener {
    /** After each batch: running means over the epoch so far. */
    default void batchDone(int epoch, int batch, int batches, int samplesDone, double runningLoss,
                           double runningAccuracy) {
    }

    /** After each epoch, once validation is measured and the parameters are final for the epoch. */
    default void epochDone(EpochMetrics metrics) {
    }

    TrainingListener NONE = new TrainingListener() { };
}
