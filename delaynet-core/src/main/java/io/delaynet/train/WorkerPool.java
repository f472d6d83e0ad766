package io.delaynet.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a body over contiguous ranges of {@code [0, size)} on a fixed number of threads, the
 * calling thread included. The ranges depend only on {@code size} and the number of parts, never
 * on the thread count, and each range is handed out once, first come first served; so as long as
 * a body writes only what belongs to its range (its own workspace, its own slice of an array),
 * the result is the same for any number of threads.
 *
 * <p><b>Why not an executor.</b> A Yin-Yang batch is about 8 ranges of 50 µs; an executor parks its
 * idle thread, and waking a parked thread on a virtual machine costs tens of microseconds, paid
 * twice per batch (the helper's start, the caller's wait for it). So the helpers watch for the next
 * job for a short while ({@link #WATCH_NANOS}) before they park, and the caller waits only for
 * ranges that were actually taken: a helper that wakes after the caller has taken every range
 * costs the caller nothing. The watch is short so that a helper that is not needed (single-threaded
 * phases, long pauses between batches) gives its core back within a fraction of a millisecond.
 *
 * <p>One caller at a time: {@link #run} is not reentrant and not meant for concurrent callers.
 */
public final class WorkerPool implements AutoCloseable {
    /** Runs everything on the calling thread. */
    public static final WorkerPool SERIAL = new WorkerPool(1);

    /** How long an idle thread watches for work (or the caller for its helpers) before parking. */
    static final long WATCH_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final Helper[] helpers;
    /** The latest job handed out; helpers compare it with the last one they saw. */
    private volatile Job current;
    private volatile boolean closed;

    /** @param threads threads to use, the caller's included (1 = no helper threads) */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        helpers = new Helper[threads - 1];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Helper();
            helpers[h].start();
        }
    }

    /** The work on one range {@code [lo, hi)}, which is part {@code part} of the split. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int part, int lo, int hi);
    }

    /** Cuts {@code [0, size)} into {@code min(parts, size)} contiguous ranges and runs {@code body} on each. */
    public void run(int parts, int size, RangeBody body) {
        int count = Math.min(parts, size);
        if (helpers.length == 0 || count <= 1) {
            for (int c = 0; c < count; c++) {
                body.run(c, bound(c, count, size), bound(c + 1, count, size));
            }
            return;
        }
        if (closed) {
            throw new IllegalStateException("the worker pool is closed");
        }
        Job job = new Job(body, count, size, Thread.currentThread());
        current = job;
        for (Helper h : helpers) {
            if (h.parked) {
                LockSupport.unpark(h);
            }
        }
        job.drain();
        job.awaitDone();
        Throwable failure = job.failure;
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static int bound(int part, int parts, int size) {
        return (int) ((long) part * size / parts);
    }

    @Override
    public void close() {
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h);
        }
    }

    /** One call of {@link #run}: its ranges, who takes the next, how many are finished. */
    private static final class Job {
        private final RangeBody body;
        private final int count;
        private final int size;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile boolean callerParked;
        private volatile Throwable failure;

        Job(RangeBody body, int count, int size, Thread caller) {
            this.body = body;
            this.count = count;
            this.size = size;
            this.caller = caller;
        }

        /** Takes ranges until none is left; after a failure the remaining ranges are skipped. */
        void drain() {
            for (int c = next.getAndIncrement(); c < count; c = next.getAndIncrement()) {
                try {
                    if (failure == null) {
                        body.run(c, bound(c, count, size), bound(c + 1, count, size));
                    }
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    // The caller sets callerParked before its last look at done, and this reads it
                    // after the increment: one of the two sees the other, so no wake-up is lost.
                    if (done.incrementAndGet() == count && callerParked) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /** Waits until every range is finished (all were taken: the caller drained before waiting). */
        void awaitDone() {
            long start = System.nanoTime();
            while (done.get() < count && System.nanoTime() - start < WATCH_NANOS) {
                Thread.onSpinWait();
            }
            boolean interrupted = false;
            while (done.get() < count) {
                callerParked = true;
                if (done.get() < count) {
                    LockSupport.park(this);
                }
                callerParked = false;
                interrupted |= Thread.interrupted(); // keep waiting: the ranges still write our workspaces
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A helper thread: takes ranges of each new job, watches briefly for the next, then parks. */
    private final class Helper extends Thread {
        private volatile boolean parked;

        Helper() {
            super("delaynet-worker");
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = null;
            while (!closed) {
                Job job = current;
                if (job != seen) {
                    seen = job;
                    job.drain();
                    continue;
                }
                long start = System.nanoTime();
                while (current == seen && !closed && System.nanoTime() - start < WATCH_NANOS) {
                    Thread.onSpinWait();
                }
                if (current == seen && !closed) {
                    // Same handshake as the caller's: parked is set before the last look at current,
                    // and run() reads parked after writing current.
                    parked = true;
                    if (current == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }
    }
}
