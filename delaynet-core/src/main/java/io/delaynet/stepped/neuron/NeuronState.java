package io.delaynet.stepped.neuron;

/**
 * The per-neuron state variables of one population. The backward pass keeps its adjoint
 * variables in an object of the same shape (one adjoint per state variable), so each model
 * needs only one state type.
 */
public sealed interface NeuronState permits SrmState, LifState, CubaLifState {
    /** Number of neurons. */
    int size();

    /** Puts every neuron at rest (all variables zero). */
    void clear();
}
