package io.delaynet.run.sweep;

import io.delaynet.run.RunSummary;
import java.util.List;

/**
 * Runs the tasks of a sweep, on this machine or elsewhere. Whatever the runner and however many
 * tasks it runs at once, the result is the same: each task's summary, in task order, and each
 * task's numbers are those of the task run alone (training is deterministic per configuration).
 */
public interface SweepRunner extends AutoCloseable {
    /**
     * Runs every task and returns their summaries in task order.
     *
     * @throws RuntimeException the failure of the first failing task (in task order), once the
     *                          tasks that were running have stopped; tasks not yet started are skipped
     */
    List<RunSummary> run(List<RunTask> tasks, SweepListener listener);

    /** Releases what the runner holds (a cluster session, say); the local runner holds nothing. */
    @Override
    default void close() {
    }
}
