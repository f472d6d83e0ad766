package io.delaynet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a body over contiguous ranges of {@code [0, size)} on a fixed number of threads, the
 * calling thread included. The ranges depend only on {@code size} and the number of parts, never
 * on the thread count, and each range is handed out once, first come first served; so as long as
 * a body writes only what belongs to its range (its own workspace, its own slice of an array),
 * the result is the same for any number of threads.
 */
public final class WorkerPool implements AutoCloseable {
    /** Runs everything on the calling thread. */
    public static final WorkerPool SERIAL = new WorkerPool(1);

    private final ExecutorService helpers;
    private final int helperCount;

    /** @param threads threads to use, the caller's included (1 = no helper threads) */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        helperCount = threads - 1;
        helpers = helperCount > 0 ? Executors.newFixedThreadPool(helperCount, daemonThreads()) : null;
    }

    /** The work on one range {@code [lo, hi)}, which is part {@code part} of the split. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int part, int lo, int hi);
    }

    /** Cuts {@code [0, size)} into {@code min(parts, size)} contiguous ranges and runs {@code body} on each. */
    public void run(int parts, int size, RangeBody body) {
        int count = Math.min(parts, size);
        if (helpers == null || count <= 1) {
            for (int c = 0; c < count; c++) {
                body.run(c, bound(c, count, size), bound(c + 1, count, size));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int c = next.getAndIncrement(); c < count; c = next.getAndIncrement()) {
                body.run(c, bound(c, count, size), bound(c + 1, count, size));
            }
        };
        List<Future<?>> futures = new ArrayList<>(helperCount);
        for (int h = 0; h < Math.min(helperCount, count - 1); h++) {
            futures.add(helpers.submit(drain));
        }
        drain.run();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the worker threads", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static int bound(int part, int parts, int size) {
        return (int) ((long) part * size / parts);
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "delaynet-worker");
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
