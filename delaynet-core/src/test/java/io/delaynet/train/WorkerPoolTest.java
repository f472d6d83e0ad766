package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerPoolTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void everyRangeRunsOnceWithTheBoundsOfTheSplitWhateverTheThreadCount(int threads) {
        try (WorkerPool pool = new WorkerPool(threads)) {
            for (int size : new int[] {0, 1, 3, 8, 150, 1001}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(8);
                int[][] bounds = new int[8][];
                pool.run(8, size, (part, lo, hi) -> {
                    runs.incrementAndGet(part);
                    bounds[part] = new int[] {lo, hi};
                });
                int count = Math.min(8, size);
                for (int c = 0; c < 8; c++) {
                    assertEquals(c < count ? 1 : 0, runs.get(c), "part " + c + " of size " + size);
                }
                for (int c = 0; c < count; c++) {
                    assertArrayEquals(new int[] {(int) ((long) c * size / count), (int) ((long) (c + 1) * size / count)},
                            bounds[c]);
                }
            }
        }
    }

    /** Many short jobs back to back, and some after a pause long enough for the helpers to park. */
    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void noJobIsLostOrFinishedEarlyWhetherTheHelpersWatchOrPark(int threads) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (WorkerPool pool = new WorkerPool(threads)) {
                double[] slots = new double[64];
                for (int job = 0; job < 20_000; job++) {
                    if (job % 1000 == 999) {
                        LockSupport.parkNanos(2 * WorkerPool.WATCH_NANOS);
                    }
                    double value = job;
                    pool.run(8, slots.length, (part, lo, hi) -> {
                        for (int i = lo; i < hi; i++) {
                            slots[i] = value + i;
                        }
                    });
                    // run() returned, so every range has been written (and is visible here)
                    for (int i = 0; i < slots.length; i++) {
                        if (slots[i] != value + i) {
                            assertEquals(value + i, slots[i], "job " + job + ", slot " + i);
                        }
                    }
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aFailingRangeReachesTheCallerAndThePoolKeepsWorking(int threads) {
        try (WorkerPool pool = new WorkerPool(threads)) {
            IllegalArgumentException boom = new IllegalArgumentException("boom");
            for (int failing = 0; failing < 8; failing++) {
                int f = failing;
                RuntimeException thrown = assertThrows(RuntimeException.class,
                        () -> pool.run(8, 80, (part, lo, hi) -> {
                            if (part == f) {
                                throw boom;
                            }
                        }));
                assertSame(boom, thrown);
            }
            AssertionError error = new AssertionError("error");
            assertSame(error, assertThrows(AssertionError.class, () -> pool.run(8, 8, (part, lo, hi) -> {
                throw error;
            })));
            AtomicIntegerArray runs = new AtomicIntegerArray(8);
            pool.run(8, 8, (part, lo, hi) -> runs.incrementAndGet(part));
            for (int c = 0; c < 8; c++) {
                assertEquals(1, runs.get(c));
            }
        }
    }

    @Test
    void aClosedPoolRefusesParallelWorkInsteadOfHanging() {
        WorkerPool pool = new WorkerPool(2);
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.run(8, 8, (part, lo, hi) -> { }));
    }

    @Test
    void threadCountBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
    }
}
