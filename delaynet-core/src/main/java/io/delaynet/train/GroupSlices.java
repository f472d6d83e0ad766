package io.delaynet.train;

import java.util.List;

/**
 * Runs an elementwise update over every trainable group: groups of at least {@code parallelMin}
 * values in {@link Trainer#CHUNKS} slices on the workers, smaller ones on the calling thread. The
 * slice boundaries depend only on the group's size, and each slice writes only its own elements,
 * so the numbers never depend on the thread count.
 */
final class GroupSlices {
    private GroupSlices() {
    }

    /** What to do to group g: called once per group, the returned body once per slice. */
    @FunctionalInterface
    interface PerGroup {
        WorkerPool.RangeBody body(int group);
    }

    static void run(List<ParameterGroup> groups, WorkerPool workers, int parallelMin, PerGroup perGroup) {
        for (int g = 0; g < groups.size(); g++) {
            ParameterGroup group = groups.get(g);
            if (!group.trainable()) {
                continue;
            }
            WorkerPool pool = group.size() >= parallelMin ? workers : WorkerPool.SERIAL;
            pool.run(Trainer.CHUNKS, group.size(), perGroup.body(g));
        }
    }
}
