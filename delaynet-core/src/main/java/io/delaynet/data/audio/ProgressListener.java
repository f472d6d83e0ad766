package io.delaynet.data.audio;

/** Told how far a long job has got; called from worker threads, one call at a time. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener SILENT = (done, total) -> {
    };

    void progress(int done, int total);
}
