package io.delaynet.model;

/** What a spike does to the membrane potential of a spiking neuron. */
public enum Reset {
    /** v ← v − θ. */
    SUBTRACT,
    /** v ← 0. */
    ZERO,
    /** No reset is simulated: only a neuron's first spike is used (time-to-first-spike networks). */
    NONE
}
