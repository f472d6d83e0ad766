package io.delaynet.train;

import java.util.function.ToDoubleFunction;

/**
 * A first-order update rule over a fixed list of {@link ParameterGroup}s. Each step reads one
 * gradient per group (frozen groups are skipped), updates the group's values in place and keeps
 * whatever running state the rule needs, which {@link #state()} hands to checkpoints and
 * {@link #restore} takes back, so that a resumed run continues bit for bit.
 *
 * <p>Every implementation follows PyTorch's update formulas for the same hyperparameters (see each
 * class), and is elementwise: a large group may be updated in parallel slices without changing a bit.
 * The learning rate of each group comes from a function of its rate key, so a schedule can change
 * rates between steps without the optimizer knowing.
 */
public sealed interface Optimizer permits Adam, AdamW, Sgd {

    /** The configuration name of the rule: "adam", "adamw" or "sgd"; also stored with its state. */
    String type();

    /**
     * One step. {@code gradients[g]} is the gradient of group g (same length as its values);
     * groups of at least {@code parallelMin} values are updated in parallel slices on {@code workers}.
     */
    void step(double[][] gradients, ToDoubleFunction<String> learningRate, WorkerPool workers, int parallelMin);

    /** One step on the calling thread. */
    default void step(double[][] gradients, ToDoubleFunction<String> learningRate) {
        step(gradients, learningRate, WorkerPool.SERIAL, Integer.MAX_VALUE);
    }

    /** Steps taken since creation (or restored). */
    long steps();

    /** A snapshot of the running state. */
    OptimizerState state();

    /**
     * Continues from a snapshot taken by an optimizer of the same type and settings over groups of
     * the same shapes.
     *
     * @throws IllegalArgumentException when the type, the buffer names or the shapes do not match
     */
    void restore(OptimizerState state);
}
