package io.delaynet.train;

import java.util.List;

/**
 * One learning method bound to one data set: the question every method answers is "given a
 * sample, what is the loss and what are the gradients of the parameters". The {@link Trainer}
 * does everything else (order, batches, threads, reduction, optimizer, schedule, metrics), so it
 * is written once for all methods.
 *
 * <p>Thread contract: {@link #learn} and {@link #evaluate} may run concurrently on different
 * workspaces; they must only read the parameters and write into the workspace they are given.
 * Parameters change only between batches, on the trainer's thread.
 *
 * @param <W> per-thread scratch space holding gradient buffers and method statistics
 */
public interface Learner<W extends Learner.Workspace> {

    /** The trainable (and frozen) parameter groups, in a fixed order. */
    List<ParameterGroup> parameters();

    /** A fresh workspace with zeroed gradient buffers shaped like {@link #parameters()}. */
    W newWorkspace();

    /** Number of samples in a split. */
    int size(Split split);

    /**
     * Forward pass, loss and gradient of training sample {@code index}; adds the gradient of the
     * sample's loss to {@code workspace.gradients()} and any statistics to its counters.
     */
    SampleResult learn(int index, W workspace);

    /** Forward pass and loss only, for any split; must not touch gradients. */
    SampleResult evaluate(Split split, int index, W workspace);

    /**
     * Called once per batch after the per-sample gradients are summed (in a fixed order) and
     * divided by the batch size. Returns whether the optimizer should take its step; a method may
     * instead repair the network itself (DelGrad's weight bumping) and return false.
     *
     * @param batchGradient mean gradient of the batch, per parameter group (frozen groups: zeros)
     * @param batchCounters summed {@link Workspace#counters()} of the batch
     * @param batchSize     number of samples in the batch
     */
    default boolean beforeStep(double[][] batchGradient, double[] batchCounters, int batchSize) {
        return true;
    }

    /** Called after each optimizer step: clamp delays, clip weights, refresh caches. */
    default void afterStep() {
    }

    /** Scratch space of one worker. Buffers are reset by the trainer between batches. */
    interface Workspace {
        /** Gradient accumulators, one array per parameter group, same lengths. */
        double[][] gradients();

        /** Method statistics summed over a batch (e.g. silent-neuron counts); may be empty. */
        default double[] counters() {
            return new double[0];
        }

        /** Zeroes gradients and counters. */
        default void reset() {
            for (double[] g : gradients()) {
                java.util.Arrays.fill(g, 0.0);
            }
            java.util.Arrays.fill(counters(), 0.0);
        }
    }
}
