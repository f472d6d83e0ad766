/**
 * DelayNet on Apache Spark, an optional module: the core and the command line never load it.
 * {@link io.delaynet.spark.SparkSweepRunner} runs a sweep's {@link io.delaynet.run.sweep.RunTask}s
 * as Spark tasks (registered for {@code delaynet sweep --spark MASTER} through
 * {@link io.delaynet.run.sweep.SweepRunnerFactory}); {@link io.delaynet.spark.SparkChunkRunner}
 * computes the trainer's fixed chunks of a batch as Spark tasks and hands them back for the
 * driver's reduction in chunk order, so training on Spark gives the bits of training on one thread.
 * Sessions are made by {@link io.delaynet.spark.SparkSessions} (loopback-safe settings, no UI).
 */
package io.delaynet.spark;
