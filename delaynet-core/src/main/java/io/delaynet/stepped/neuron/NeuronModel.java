package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/**
 * The dynamics of one population of discrete-time neurons: a parameter record with a pure step
 * function ({@link Srm#step}, {@link Lif#step}) and its adjoint for backpropagation through
 * time. Arrays hold one row of {@code size} values per step: {@code x[t * size + j]}.
 *
 * <p>The spike nonlinearity and its derivative come from a {@link SpikeFunction}, so the
 * gradient estimator can be swapped without touching the dynamics.
 */
public sealed interface NeuronModel permits SrmParams, LifParams, CubaLifParams, FilteredLifParams,
        LeakyIntegratorParams, PassThroughParams {

    /** Firing threshold theta. */
    double threshold();

    /**
     * Whether the backward pass ignores the effect of a spike on the neuron's own later
     * potential (reset or refractory kernel), as SLAYER and most surrogate-gradient work do.
     */
    boolean detachReset();

    /**
     * Whether the output is a spike train (0/1 per step); false for read-outs whose output is
     * their potential ({@link LeakyIntegratorParams}).
     */
    default boolean spiking() {
        return true;
    }

    /** A state for {@code size} neurons, at rest. */
    NeuronState newState(int size);

    /**
     * Advances {@code state} by one step: reads one row of input at {@code offset} and writes the
     * membrane potential and output rows at the same offset. What an online simulation calls.
     */
    void step(NeuronState state, double[] input, int offset, double[] membrane, double[] spikes, SpikeFunction spike);

    /**
     * The adjoint of {@link #step} at the row {@code offset}: reads dL/d output of that step and
     * the adjoint state carried back from later steps, writes dL/d input of the step into
     * {@code gradInput}'s row and updates the adjoint state for the step before.
     */
    void adjointStep(NeuronState adjoint, double[] membrane, double[] spikes, double[] gradSpikes, int offset,
                     double[] gradInput, SpikeFunction spike);

    /**
     * Simulates {@code steps} steps from rest. {@code input} is the synaptic input per step (the
     * delayed, weighted presynaptic spikes); writes the membrane potential the spike decision
     * saw and the output of every step.
     */
    default void run(NeuronState state, double[] input, int steps, double[] membrane, double[] spikes,
                     SpikeFunction spike) {
        state.clear();
        int n = state.size();
        for (int t = 0; t < steps; t++) {
            step(state, input, t * n, membrane, spikes, spike);
        }
    }

    /**
     * Backpropagates through {@link #run}: from {@code gradSpikes} (dL/d output per step) to
     * {@code gradInput} (dL/d input per step), using the recorded membrane and spikes.
     *
     * @param adjoint scratch state of the right size; cleared here
     */
    default void backpropagate(NeuronState adjoint, double[] membrane, double[] spikes, double[] gradSpikes,
                               int steps, double[] gradInput, SpikeFunction spike) {
        adjoint.clear();
        int n = adjoint.size();
        for (int t = steps - 1; t >= 0; t--) {
            adjointStep(adjoint, membrane, spikes, gradSpikes, t * n, gradInput, spike);
        }
    }
}
