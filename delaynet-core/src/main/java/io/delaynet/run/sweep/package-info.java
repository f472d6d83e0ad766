/**
 * Sweeps: many runs, one table. A {@link io.delaynet.run.sweep.Sweep} is a list of
 * {@link io.delaynet.run.sweep.SweepPoint}s (a configuration, overrides, a seed, a label per axis,
 * a folder); each point's work is a {@link io.delaynet.run.sweep.RunTask}, a small serialisable
 * value that any machine with the data can run; a {@link io.delaynet.run.sweep.SweepRunner} runs
 * the tasks ({@link io.delaynet.run.sweep.LocalSweepRunner}: a thread pool in this JVM; a Spark
 * runner can map tasks to Spark tasks) and the result is a {@link io.delaynet.run.sweep.SweepTable}
 * with a row per point, written atomically as CSV.
 *
 * <p>A sweep run again continues where it stopped: every run folder is resumed, extended or kept
 * as what it holds requires, and the numbers never depend on how many runs trained at once or on
 * interruptions. The command line builds points from its flags and prints; it does no orchestration.
 *
 * <p>A {@link io.delaynet.run.sweep.SweepFile} ({@code sweeps/*.yaml}) is the declarative way to
 * make a sweep: base configuration, axes, {@code when} rules, seeds, plots, all checked when read
 * (override keys against the method's defaults, see {@code KnownKeys}). Runners on other machines
 * come from a {@link io.delaynet.run.sweep.SweepRunnerFactory} found through ServiceLoader, so the
 * core never depends on a cluster framework; {@link io.delaynet.io.FolderLock} keeps a sweep
 * folder to one process.
 */
package io.delaynet.run.sweep;
