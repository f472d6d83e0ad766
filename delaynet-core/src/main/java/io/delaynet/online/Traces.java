package io.delaynet.online;

/**
 * The eligibility traces of one projection, per synapse (pre-major, as its weights): for the
 * weight and for the delay the synapse uses, the derivative of the postsynaptic neuron's current
 * ({@code *Current}: dI_j/dp) and of its membrane after the spike decision ({@code *After}:
 * dv'_j/dp) through the neuron's own dynamics, and the eligibility {@code psi_j du_j/dp} filtered
 * with the read-out's decay ({@code *Filtered}). Arrays of a frozen or absent group are null.
 * Axonal delays keep their traces per synapse too, because each target neuron filters the shifted
 * spike train with its own state; the gradient of the shared delay sums them.
 */
final class Traces {
    final double[] weightCurrent;
    final double[] weightAfter;
    final double[] weightFiltered;
    final double[] delayCurrent;
    final double[] delayAfter;
    final double[] delayFiltered;

    Traces(int synapses, boolean weights, boolean delays) {
        weightCurrent = weights ? new double[synapses] : null;
        weightAfter = weights ? new double[synapses] : null;
        weightFiltered = weights ? new double[synapses] : null;
        delayCurrent = delays ? new double[synapses] : null;
        delayAfter = delays ? new double[synapses] : null;
        delayFiltered = delays ? new double[synapses] : null;
    }

    void clear() {
        for (double[] a : new double[][] {weightCurrent, weightAfter, weightFiltered, delayCurrent, delayAfter,
                delayFiltered}) {
            if (a != null) {
                java.util.Arrays.fill(a, 0.0);
            }
        }
    }

    long doubles() {
        long n = 0;
        for (double[] a : new double[][] {weightCurrent, weightAfter, weightFiltered, delayCurrent, delayAfter,
                delayFiltered}) {
            n += a == null ? 0 : a.length;
        }
        return n;
    }
}
