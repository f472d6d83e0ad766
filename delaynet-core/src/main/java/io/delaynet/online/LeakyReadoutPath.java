package io.delaynet.online;

/**
 * The path to a loss that sees neuron j through one leaky filter with decay kappa and an error
 * known at every step (docs/three-factor.md, section 4): the eligibility is filtered with kappa,
 * {@code ebar = kappa ebar + e}, and the step adds {@code signal_j ebar}. This serves the hidden
 * layers under a leaky-integrator read-out (signal = the fed-back error L_j) and the spiking
 * read-out's own weights (neuron j is output neuron k, signal = dE/dr_k, kappa = the spike trace's
 * decay).
 */
final class LeakyReadoutPath implements ReadoutPath {
    private final double kappa;
    private final double[] signal;

    /** @param signal the learning signal per neuron, rewritten by its owner at every step */
    LeakyReadoutPath(double kappa, double[] signal) {
        this.kappa = kappa;
        this.signal = signal;
    }

    @Override
    public int stride() {
        return 1;
    }

    @Override
    public double advance(double[] state, int at, int j, double eligibility) {
        double filtered = kappa * state[at] + eligibility;
        state[at] = filtered;
        return signal[j] * filtered;
    }
}
