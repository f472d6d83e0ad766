package io.delaynet.online;

/**
 * The eligibility traces of one projection, per synapse (pre-major, as its weights): for the
 * weight and for the delay the synapse uses, the derivative of the postsynaptic neuron's current
 * ({@code *Current}: dI_j/dp) and of its membrane after the spike decision ({@code *After}:
 * dv'_j/dp) through the neuron's own dynamics, and the state of the {@link ReadoutPath} that takes
 * the eligibility {@code psi_j du_j/dp} to the loss ({@code *Path}: {@code stride} doubles per
 * synapse, at {@code s * stride}; one, the filtered eligibility, for a leaky-integrator read-out).
 * Arrays of a frozen or absent group are null. Axonal delays keep their traces per synapse too,
 * because each target neuron filters the shifted spike train with its own state; the gradient of
 * the shared delay sums them.
 */
final class Traces {
    final double[] weightCurrent;
    final double[] weightAfter;
    final double[] weightPath;
    final double[] delayCurrent;
    final double[] delayAfter;
    final double[] delayPath;

    Traces(int synapses, boolean weights, boolean delays, int stride) {
        weightCurrent = weights ? new double[synapses] : null;
        weightAfter = weights ? new double[synapses] : null;
        weightPath = weights ? new double[synapses * stride] : null;
        delayCurrent = delays ? new double[synapses] : null;
        delayAfter = delays ? new double[synapses] : null;
        delayPath = delays ? new double[synapses * stride] : null;
    }

    /** Doubles per synapse of a projection whose weights and/or delays train, with a path of {@code stride}. */
    static int doublesPerSynapse(boolean weights, boolean delays, int stride) {
        return ((weights ? 1 : 0) + (delays ? 1 : 0)) * (2 + stride);
    }

    void clear() {
        for (double[] a : new double[][] {weightCurrent, weightAfter, weightPath, delayCurrent, delayAfter,
                delayPath}) {
            if (a != null) {
                java.util.Arrays.fill(a, 0.0);
            }
        }
    }

    long doubles() {
        long n = 0;
        for (double[] a : new double[][] {weightCurrent, weightAfter, weightPath, delayCurrent, delayAfter,
                delayPath}) {
            n += a == null ? 0 : a.length;
        }
        return n;
    }
}
