/**
 * Training written once for every method: a {@link io.delaynet.train.Learner} says what the loss
 * and gradient of a sample are, the {@link io.delaynet.train.Trainer} does the rest (data order,
 * batches, threads, fixed-order reduction, metrics).
 *
 * <p>The gradient reaches the parameters through an {@link io.delaynet.train.Optimizer} (Adam,
 * AdamW, SGD with momentum, with PyTorch's formulas), optionally after
 * {@link io.delaynet.train.GradientClipping}; <em>when</em> it does is an
 * {@link io.delaynet.train.UpdateSchedule}: per batch, per sample, or every k time steps inside a
 * sample for a {@link io.delaynet.train.StreamingLearner}. An optimizer's running state is an
 * {@link io.delaynet.train.OptimizerState}, which checkpoints store without knowing the optimizer.
 *
 * <p>A batch's chunks may be computed elsewhere (a cluster's executors): a
 * {@link io.delaynet.train.ChunkRunner} fills the chunk workspaces, the trainer still reduces them
 * in chunk order, so the numbers stay those of one thread.
 */
package io.delaynet.train;
