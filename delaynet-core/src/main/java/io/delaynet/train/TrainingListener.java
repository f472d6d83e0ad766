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

    /** A listener that tells this one first, then {@code next}. */
    default TrainingListener andThen(TrainingListener next) {
        TrainingListener first = this;
        return new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batch, int batches, int samplesDone, double runningLoss,
                                  double runningAccuracy) {
                first.batchDone(epoch, batch, batches, samplesDone, runningLoss, runningAccuracy);
                next.batchDone(epoch, batch, batches, samplesDone, runningLoss, runningAccuracy);
            }

            @Override
            public void epochDone(EpochMetrics metrics) {
                first.epochDone(metrics);
                next.epochDone(metrics);
            }
        };
    }

    TrainingListener NONE = new TrainingListener() { };
}
