package io.delaynet.run.sweep;

import io.delaynet.config.ConfigException;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunSummary;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a sweep's tasks in this JVM, {@code parallelRuns} at a time, each with the
 * {@code training.threads} of its own configuration (so {@code parallelRuns × threads} cores are
 * busy). Tasks start in task order; the summaries come back in task order whatever order they
 * finish in. With one parallel run, the tasks run one after another.
 */
public final class LocalSweepRunner implements SweepRunner {
    private final int parallelRuns;
    private final RunContext context;

    /**
     * @param parallelRuns how many tasks train at the same time, at least 1
     * @param context      where the tasks find their data
     */
    public LocalSweepRunner(int parallelRuns, RunContext context) {
        if (parallelRuns < 1) {
            throw new ConfigException("the number of parallel runs must be at least 1, got " + parallelRuns);
        }
        this.parallelRuns = parallelRuns;
        this.context = context;
    }

    @Override
    public List<RunSummary> run(List<RunTask> tasks, SweepListener listener) {
        RunSummary[] summaries = new RunSummary[tasks.size()];
        Throwable[] failures = new Throwable[tasks.size()];
        AtomicBoolean stop = new AtomicBoolean();
        Object reporting = new Object();
        int threads = Math.max(1, Math.min(parallelRuns, tasks.size()));
        // close() waits for every submitted task; one that sees the stop flag returns without running
        try (ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("delaynet-sweep-", 1).factory())) {
            for (int i = 0; i < tasks.size(); i++) {
                int point = i;
                pool.execute(() -> {
                    if (stop.get()) {
                        return;
                    }
                    try {
                        synchronized (reporting) {
                            listener.started(point, tasks.get(point));
                        }
                        RunSummary s = tasks.get(point).run(context, listener.training(point));
                        summaries[point] = s;
                        synchronized (reporting) {
                            listener.finished(point, s);
                        }
                    } catch (RuntimeException | Error e) {
                        failures[point] = e;
                        stop.set(true);
                    }
                });
            }
        }
        rethrowFirst(failures);
        if (Arrays.stream(summaries).anyMatch(s -> s == null)) {
            // only an interrupt of the calling thread (close() then cancels what has not started) gets here
            throw new CancellationException("the sweep was interrupted before every point had run");
        }
        return List.of(summaries);
    }

    private static void rethrowFirst(Throwable[] failures) {
        Throwable first = null;
        for (Throwable t : failures) {
            if (t != null && first == null) {
                first = t;
            } else if (t != null) {
                first.addSuppressed(t);
            }
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }
}
