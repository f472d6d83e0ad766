package io.delaynet.train;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a body over contiguous ranges of {@code [0, size)} on a fixed number of threads, the
 * calling thread included. The ranges depend only on {@code size} and the number of parts, never
 * on the thread count, and each range is handed out once, first come first served; so as long as
 * a body writes only what belongs to its range (its own workspace, its own slice of an array),
 * the result is the same for any number of threads.
 *
 * <p><b>Hand-off.</b> A trainer calls {@link #run} once per batch, every few hundred microseconds
 * (Yin-Yang: 33 batches of 150 samples in about 10 ms). Handing each batch to an executor and
 * waiting on futures parks and wakes a thread twice per batch, and on a virtual machine a wake-up
 * costs tens of microseconds: the second thread then gained only 1.2x. So the helper threads here
 * are the pool's own: after a job they watch for the next one for {@link #SPIN_NANOS} (the gap
 * between two batches, the optimizer step, is far shorter) before they park, and the caller, once
 * it has no range left to take, watches for the helpers' last range the same way. Only a pool
 * left idle for longer than that parks its threads, so an idle pool costs nothing.
 */
public final class WorkerPool implements AutoCloseable {
    /** Runs everything on the calling thread. */
    public static final WorkerPool SERIAL = new WorkerPool(1);

    /**
     * How long a thread watches for the next job (helpers) or for the last ranges of the current
     * one (the caller) before it parks. Longer than the optimizer step between two batches of a
     * small network, short enough that a pool between epochs or a loaded machine loses little.
     */
    static final long SPIN_NANOS = 50_000;

    private final Thread[] helpers;
    /**
     * {@link #SPIN_NANOS}, or 0 when there are more threads than cores: a watching thread holds its
     * core, which would then be taken from a thread that still has work.
     */
    private final long spinNanos;
    private final AtomicReference<Job> current = new AtomicReference<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean closed;
    /** Per helper: it is parked, or about to park, and must be unparked for a new job. */
    private final AtomicInteger[] sleeping;

    /** @param threads threads to use, the caller's included (1 = no helper threads) */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        helpers = new Thread[threads - 1];
        spinNanos = threads <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
        sleeping = new AtomicInteger[threads - 1];
        for (int h = 0; h < helpers.length; h++) {
            int index = h;
            sleeping[h] = new AtomicInteger();
            helpers[h] = new Thread(() -> helperLoop(index), "delaynet-worker");
            helpers[h].setDaemon(true);
            helpers[h].start();
        }
    }

    /** The work on one range {@code [lo, hi)}, which is part {@code part} of the split. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int part, int lo, int hi);
    }

    /** One call of {@link #run}: its ranges, who takes the next, and who is still working. */
    private static final class Job {
        final RangeBody body;
        final int count;
        final int size;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        /** Helpers that joined this job and have not finished. */
        final AtomicInteger working = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(RangeBody body, int count, int size, Thread caller) {
            this.body = body;
            this.count = count;
            this.size = size;
            this.caller = caller;
        }

        void drain() {
            for (int c = next.getAndIncrement(); c < count; c = next.getAndIncrement()) {
                body.run(c, bound(c, count, size), bound(c + 1, count, size));
            }
        }
    }

    /** Cuts {@code [0, size)} into {@code min(parts, size)} contiguous ranges and runs {@code body} on each. */
    public void run(int parts, int size, RangeBody body) {
        int count = Math.min(parts, size);
        // serial: no helpers, a single range, or a call from inside a running job (or a second caller)
        if (helpers.length == 0 || count <= 1 || closed || !busy.compareAndSet(false, true)) {
            for (int c = 0; c < count; c++) {
                body.run(c, bound(c, count, size), bound(c + 1, count, size));
            }
            return;
        }
        try {
            Job job = new Job(body, count, size, Thread.currentThread());
            current.set(job);
            for (int h = 0; h < helpers.length; h++) {
                if (sleeping[h].get() != 0) {
                    LockSupport.unpark(helpers[h]);
                }
            }
            try {
                job.drain();
            } catch (Throwable t) {
                job.failure.compareAndSet(null, t);
                job.next.set(count); // hand out no further range; the helpers' running ones end below
            }
            // every range is taken; wait for the helpers still running one (also after a failure,
            // so that no helper still writes when the caller continues)
            long spinUntil = System.nanoTime() + spinNanos;
            boolean watching = spinNanos > 0;
            int spins = 0;
            while (job.working.get() != 0) {
                if (watching) {
                    // let a descheduled helper have this core on a loaded machine (a no-op when idle)
                    if ((++spins & 63) == 0) {
                        Thread.yield();
                        watching = System.nanoTime() < spinUntil;
                    } else {
                        Thread.onSpinWait();
                    }
                } else {
                    LockSupport.parkNanos(this, 50_000); // the last helper to finish unparks us
                }
            }
            Throwable failure = job.failure.get();
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } finally {
            busy.set(false);
        }
    }

    private void helperLoop(int index) {
        Job seen = null;
        long idleSince = System.nanoTime();
        boolean watching = spinNanos > 0;
        int spins = 0;
        while (!closed) {
            Job job = current.get();
            if (job == null || job == seen) {
                if (watching) {
                    if ((++spins & 63) == 0) {
                        Thread.yield();
                        watching = System.nanoTime() - idleSince < spinNanos;
                    } else {
                        Thread.onSpinWait();
                    }
                    continue;
                }
                sleeping[index].set(1);
                if (current.get() == seen && !closed) { // re-check after announcing: run() unparks us
                    LockSupport.park(this);
                }
                sleeping[index].set(0);
                continue;
            }
            seen = job;
            // join before taking a range: a caller that saw no helper working has taken the last range,
            // so a helper joining after that finds nothing left to run
            job.working.incrementAndGet();
            try {
                job.drain();
            } catch (Throwable t) {
                job.failure.compareAndSet(null, t);
            } finally {
                if (job.working.decrementAndGet() == 0) {
                    LockSupport.unpark(job.caller);
                }
            }
            idleSince = System.nanoTime();
            watching = spinNanos > 0;
            spins = 0;
        }
    }

    private static int bound(int part, int parts, int size) {
        return (int) ((long) part * size / parts);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
    }
}
