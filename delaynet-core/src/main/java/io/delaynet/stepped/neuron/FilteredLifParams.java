package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/**
 * The neuron of neighbourhood aggregation (Yang, Zhang &amp; Li 2021): discrete LIF with a
 * first-order synaptic filter, first-order decays and reset to zero,
 * <pre>
 *   I[t]  = (1 - 1/tauSyn) I[t-1] + x[t] / tauSyn     (unit-area filter of the weighted input)
 *   v[t]  = (1 - 1/tauMem) v'[t-1] + I[t]
 *   s[t]  = H(v[t] - theta)
 *   v'[t] = v[t] (1 - s[t])                           (reset to zero)
 * </pre>
 * The paper filters each presynaptic spike train ({@code a = sigma * s}) and weights the result;
 * filtering the weighted, delayed spikes instead is the same sum (the filter is linear and
 * time-invariant) and lets the engine pass spikes, not traces, between layers. The recorded
 * membrane is v[t], the potential before reset, as the paper stores it. The decision is
 * {@code v >= theta} like every other engine neuron (the released code uses {@code >}; the two
 * differ only when a potential equals the threshold exactly). Time constants are in steps, at
 * least one.
 *
 * @param tauSyn      synaptic filter time constant, steps (>= 1, finite; paper 2, Fashion-MNIST 3)
 * @param tauMem      membrane time constant, steps (>= 1; paper 5)
 * @param threshold   theta (paper 1)
 * @param detachReset true: the surrogate's backward pass treats the reset as a constant
 */
public record FilteredLifParams(double tauSyn, double tauMem, double threshold, boolean detachReset)
        implements NeuronModel {
    public FilteredLifParams {
        if (!(tauSyn >= 1) || Double.isInfinite(tauSyn)) {
            throw new IllegalArgumentException("filtered LIF tau_syn must be a number of steps >= 1, got " + tauSyn);
        }
        if (!(tauMem >= 1)) {
            throw new IllegalArgumentException("filtered LIF tau_mem must be >= 1 step, got " + tauMem);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a positive number, got " + threshold);
        }
    }

    /** Per-step decay of the synaptic current, 1 - 1/tauSyn. */
    public double alpha() {
        return 1 - 1 / tauSyn;
    }

    /** Weight of a step's input in the current, 1/tauSyn. */
    public double gain() {
        return 1 / tauSyn;
    }

    /** Per-step decay of the membrane, 1 - 1/tauMem. */
    public double beta() {
        return 1 - 1 / tauMem;
    }

    @Override
    public NeuronState newState(int size) {
        return CubaLifState.atRest(size);
    }

    @Override
    public void step(NeuronState state, double[] input, int offset, double[] membrane, double[] spikes,
                     SpikeFunction spike) {
        FilteredLif.step(this, (CubaLifState) state, input, offset, membrane, spikes, spike);
    }

    @Override
    public void adjointStep(NeuronState adjoint, double[] membrane, double[] spikes, double[] gradSpikes, int offset,
                            double[] gradInput, SpikeFunction spike) {
        FilteredLif.adjointStep(this, (CubaLifState) adjoint, membrane, spikes, gradSpikes, offset, gradInput, spike);
    }
}
