package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/**
 * Leaky integrate-and-fire neurons with a current-based (exponential) synapse, discretised
 * exactly for inputs that arrive at step boundaries:
 * <pre>
 *   I[t]  = alpha I[t-1] + x[t]                 alpha = exp(-1 / tauSyn)
 *   v[t]  = beta v'[t-1] + I[t]                 beta  = exp(-1 / tauMem)
 *   s[t]  = H(v[t] - theta)
 *   v'[t] = v[t] - theta s[t]  (subtract)   or   v[t] (1 - s[t])  (zero)
 * </pre>
 * Input x arriving at step t raises the current, and through it the membrane, in the same step
 * (as snnTorch's {@code Synaptic}); the recorded membrane is v[t], the potential before reset.
 * Time constants are in steps; the network description holds them in seconds.
 *
 * @param tauSyn      synaptic current time constant, steps (> 0)
 * @param tauMem      membrane time constant, steps (> 0; +inf for a perfect integrator)
 * @param threshold   theta
 * @param reset       what a spike does to the membrane
 * @param detachReset true: the backward pass treats the reset as a constant
 */
public record CubaLifParams(double tauSyn, double tauMem, double threshold, LifParams.Reset reset,
                            boolean detachReset) implements NeuronModel {
    public CubaLifParams {
        if (!(tauSyn > 0) || Double.isInfinite(tauSyn)) {
            throw new IllegalArgumentException("CubaLIF tau_syn must be a positive number of steps, got " + tauSyn);
        }
        if (!(tauMem > 0)) {
            throw new IllegalArgumentException("CubaLIF tau_mem must be positive, got " + tauMem);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a positive number, got " + threshold);
        }
        java.util.Objects.requireNonNull(reset, "reset");
    }

    /** Per-step decay of the synaptic current. */
    public double alpha() {
        return Math.exp(-1.0 / tauSyn);
    }

    /** Per-step decay of the membrane potential. */
    public double beta() {
        return Math.exp(-1.0 / tauMem);
    }

    @Override
    public NeuronState newState(int size) {
        return CubaLifState.atRest(size);
    }

    @Override
    public void step(NeuronState state, double[] input, int offset, double[] membrane, double[] spikes,
                     SpikeFunction spike) {
        CubaLif.step(this, (CubaLifState) state, input, offset, membrane, spikes, spike);
    }

    @Override
    public void adjointStep(NeuronState adjoint, double[] membrane, double[] spikes, double[] gradSpikes, int offset,
                            double[] gradInput, SpikeFunction spike) {
        CubaLif.adjointStep(this, (CubaLifState) adjoint, membrane, spikes, gradSpikes, offset, gradInput, spike);
    }
}
