package io.delaynet.online;

/**
 * The last stage of a parameter's eligibility trace: how {@code e_p[t] = psi_j[t] du_j[t]/dp}, the
 * derivative of neuron j's spike through its own state, reaches the loss through the read-out.
 * It keeps {@link #stride()} doubles of state per synapse (in the {@link Traces} path arrays) and
 * returns, at every step, what the step adds to dE/dp. One instance per worker and layer: it reads
 * the step's learning signal from the worker's read-out state (docs/three-factor.md, sections 4
 * and 4a).
 */
sealed interface ReadoutPath permits LeakyReadoutPath, SpikingReadoutPath {

    /** Doubles of state this path keeps per synapse. */
    int stride();

    /**
     * Advances the state {@code state[at .. at + stride)} of one synapse onto neuron {@code j} by its
     * eligibility of this step and returns the step's gradient increment.
     */
    double advance(double[] state, int at, int j, double eligibility);
}
