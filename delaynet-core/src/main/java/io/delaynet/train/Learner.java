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
 * Parameters change only between calls of {@link #learn} (after a batch, or after each sample with
 * {@code training.update.every: sample}), on the trainer's thread, in the sequence
 * {@link #beforeStep}, optimizer step, {@link #afterStep}. A learner that needs updates inside a
 * sample implements {@link StreamingLearner}, whose contract says exactly when and how.
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
     * Called before every update, after the per-sample gradients are summed (in a fixed order) and
     * divided by the number of samples: once per batch, or with a batch size of 1 per sample or per
     * in-sample update. Returns whether the optimizer should take its step; a method may instead
     * repair the network itself (DelGrad's weight bumping) and return false. The gradient may be
     * changed here; gradient-norm clipping, if configured, comes after this call.
     *
     * @param batchGradient mean gradient of the batch, per parameter group (frozen groups: zeros)
     * @param batchCounters summed {@link Workspace#counters()} of the batch
     * @param batchSize     number of samples in the batch (1 with per-sample or in-sample updates)
     */
    default boolean beforeStep(double[][] batchGradient, double[] batchCounters, int batchSize) {
        return true;
    }

    /** Called by the trainer before training epoch {@code epoch} (0-based), e.g. to redraw augmentations. */
    default void beginEpoch(int epoch) {
    }

    /** Called after each optimizer step: clamp delays, clip weights, refresh caches. */
    default void afterStep() {
    }

    /**
     * The parameter values were replaced from outside, to the values another copy of this learner
     * holds (a data-parallel worker taking the driver's parameters): bring any state derived from
     * them up to date without changing a value. Unlike {@link #afterStep} it must not clip or
     * clamp, since the copied values are already what the other copy trains with.
     */
    default void parametersReplaced() {
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
