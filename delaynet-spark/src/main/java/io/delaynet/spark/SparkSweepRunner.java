package io.delaynet.spark;

import io.delaynet.config.ConfigException;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunSummary;
import io.delaynet.run.sweep.RunTask;
import io.delaynet.run.sweep.SweepListener;
import io.delaynet.run.sweep.SweepRunner;
import io.delaynet.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs a sweep's tasks as Spark tasks, one task per run (one partition each, so the cluster
 * schedules them like a thread pool with its executors' cores as threads). A task is a small
 * serialisable value (configuration text, overrides, folder), so the executors need the data
 * folder and a shared file system for the run folders, nothing else. The summaries come back to
 * the driver in task order; since a run's numbers depend only on its configuration, the table
 * equals a local sweep's. Spark reports nothing while a task runs, so the listener hears of a
 * point when the whole sweep is done.
 */
public final class SparkSweepRunner implements SweepRunner {
    private final JavaSparkContext spark;
    private final String dataDir;
    private final boolean owned;

    /** Runs on an existing context (left open by {@link #close}). */
    public SparkSweepRunner(JavaSparkContext spark, RunContext context) {
        this(spark, context, false);
    }

    private SparkSweepRunner(JavaSparkContext spark, RunContext context, boolean owned) {
        this.spark = spark;
        this.dataDir = context.dataDir() == null ? null : context.dataDir().toAbsolutePath().toString();
        this.owned = owned;
    }

    /** Opens its own context on {@code master}, stopped by {@link #close}. */
    public static SparkSweepRunner open(String master, RunContext context) {
        return new SparkSweepRunner(SparkSessions.open(master, "delaynet sweep"), context, true);
    }

    @Override
    public List<RunSummary> run(List<RunTask> tasks, SweepListener listener) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<RunSummary> summaries;
        try {
            summaries = spark.parallelize(tasks, tasks.size()).map(new Train(dataDir)).collect();
        } catch (RuntimeException e) {
            throw new ConfigException("a Spark task of the sweep failed (" + firstLine(e)
                    + "); the run folders keep what was trained, so start the sweep again to continue", e);
        }
        for (int i = 0; i < summaries.size(); i++) {
            listener.finished(i, summaries.get(i));
        }
        return summaries;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }

    /** What an executor does with a task: train it in its folder with the executor's data folder. */
    private record Train(String dataDir) implements Function<RunTask, RunSummary> {
        @Override
        public RunSummary call(RunTask task) {
            return task.run(new RunContext(dataDir == null ? null : Path.of(dataDir)), TrainingListener.NONE);
        }
    }
}
