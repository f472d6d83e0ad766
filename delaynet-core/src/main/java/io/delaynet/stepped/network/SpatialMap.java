package io.delaynet.stepped.network;

import io.delaynet.model.Topology;

/**
 * The synapses of a convolution or pooling projection, whose weights are shared across image
 * positions ({@link Topology}): what a {@link Projection} does instead of its all-to-all loops.
 * Neurons are channel-major images, {@code (c * height + y) * width + x}. Spatial projections
 * carry no delays, so a spike emitted at step t arrives at step t, and every method works on one
 * arrival row per step.
 *
 * <p>Sums are taken in a fixed order that depends only on the input (events in order of step and
 * neuron; planes and kernel taps in index order), so results are the same whichever thread
 * computes a sample.
 */
sealed interface SpatialMap permits Conv2dMap, SumPoolMap {

    /** Adds the input's events of step t, through the weights {@code w}, to {@code arrival}'s row t. */
    void scatter(SpikeEvents in, int t, double[] w, double[] arrival);

    /**
     * Adds the input's events of every step to {@code arrival} (rows 0..steps-1): what {@link #scatter}
     * does step by step, possibly in another order of the terms, for feed-forward networks that
     * simulate layer by layer.
     */
    default void scatterWindow(SpikeEvents in, int steps, double[] w, double[] arrival) {
        for (int t = 0; t < steps; t++) {
            scatter(in, t, w, arrival);
        }
    }

    /** Adds dL/dw of the whole sample: {@code gradArrival} is dL/d arrival, rows 0..steps-1. */
    void weightGradient(SpikeEvents in, int steps, double[] gradArrival, double[] gradWeights);

    /** Writes dL/d input (every presynaptic neuron and step) for rows 0..steps-1. */
    void inputGradient(int steps, double[] w, double[] gradArrival, double[] gradInput);

    /** The layout as the network description names it. */
    Topology topology();

    static SpatialMap of(Topology t) {
        return switch (t) {
            case Topology.Dense d -> null;
            case Topology.Conv2d c -> new Conv2dMap(c);
            case Topology.SumPool2d p -> new SumPoolMap(p);
        };
    }
}
