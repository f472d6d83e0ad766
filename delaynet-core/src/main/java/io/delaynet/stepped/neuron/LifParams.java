package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;
import java.util.Locale;

/**
 * Discrete leaky integrate-and-fire neurons: {@code v[t] = beta * v'[t-1] + a[t]} with
 * {@code beta = exp(-1 / tauMem)}, spike when {@code v[t] >= theta}, then
 * {@code v'[t] = v[t] - theta s[t]} (reset by subtraction) or {@code v[t] (1 - s[t])} (reset to
 * zero). Input arriving at step t counts in the same step. The time constant, not the per-step
 * decay, is the parameter, so the network description holds a time and rebuilds the same beta.
 *
 * @param tauMem      membrane time constant in steps, >= 0 (0: no memory; +inf: a perfect integrator)
 * @param threshold   theta
 * @param reset       how a spike resets the membrane
 * @param detachReset true: the backward pass treats the reset as a constant
 */
public record LifParams(double tauMem, double threshold, Reset reset, boolean detachReset) implements NeuronModel {

    /** What a spike does to the membrane potential. */
    public enum Reset {
        SUBTRACT, ZERO;

        public static Reset parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "subtract" -> SUBTRACT;
                case "zero" -> ZERO;
                default -> throw new IllegalArgumentException("unknown reset '" + name + "'; use subtract or zero");
            };
        }
    }

    public LifParams {
        if (!(tauMem >= 0)) {
            throw new IllegalArgumentException("LIF tau_mem must be >= 0, got " + tauMem);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
        java.util.Objects.requireNonNull(reset, "reset");
    }

    /** LIF neurons whose membrane decays by {@code beta} per step (tau = -1 / ln beta). */
    public static LifParams ofBeta(double beta, double threshold, Reset reset, boolean detachReset) {
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("LIF beta must be in [0, 1], got " + beta);
        }
        return new LifParams(-1.0 / Math.log(beta), threshold, reset, detachReset);
    }

    /** Membrane decay per step. */
    public double beta() {
        return Math.exp(-1.0 / tauMem);
    }

    @Override
    public NeuronState newState(int size) {
        return LifState.atRest(size);
    }

    @Override
    public void step(NeuronState state, double[] input, int offset, double[] membrane, double[] spikes,
                     SpikeFunction spike) {
        Lif.step(this, (LifState) state, input, offset, membrane, spikes, spike);
    }

    @Override
    public void adjointStep(NeuronState adjoint, double[] membrane, double[] spikes, double[] gradSpikes, int offset,
                            double[] gradInput, SpikeFunction spike) {
        Lif.adjointStep(this, (LifState) adjoint, membrane, spikes, gradSpikes, offset, gradInput, spike);
    }
}
