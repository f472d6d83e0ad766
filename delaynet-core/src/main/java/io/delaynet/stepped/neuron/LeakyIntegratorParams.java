package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/**
 * Non-spiking leaky integrators, the usual read-out of recurrent spiking networks (e-prop,
 * SHD baselines): {@code v[t] = beta v[t-1] + x[t]}, {@code beta = exp(-1 / tauMem)}; the
 * output of every step is the potential itself, which a loss on the read-out (a softmax
 * cross-entropy over time) scores directly. There is no threshold, so the spike function is not
 * used in either direction.
 *
 * @param tauMem membrane time constant, steps (> 0; +inf for a perfect integrator)
 */
public record LeakyIntegratorParams(double tauMem) implements NeuronModel {
    public LeakyIntegratorParams {
        if (!(tauMem > 0)) {
            throw new IllegalArgumentException("leaky integrator tau_mem must be positive, got " + tauMem);
        }
    }

    public double beta() {
        return Math.exp(-1.0 / tauMem);
    }

    /** A read-out has no threshold; reports show NaN. */
    @Override
    public double threshold() {
        return Double.NaN;
    }

    @Override
    public boolean detachReset() {
        return true;
    }

    @Override
    public boolean spiking() {
        return false;
    }

    @Override
    public NeuronState newState(int size) {
        return LifState.atRest(size);
    }

    @Override
    public void step(NeuronState state, double[] input, int offset, double[] membrane, double[] spikes,
                     SpikeFunction spike) {
        double beta = beta();
        double[] v = ((LifState) state).potential();
        for (int j = 0; j < v.length; j++) {
            double u = beta * v[j] + input[offset + j];
            v[j] = u;
            membrane[offset + j] = u;
            spikes[offset + j] = u;
        }
    }

    @Override
    public void adjointStep(NeuronState adjoint, double[] membrane, double[] spikes, double[] gradSpikes, int offset,
                            double[] gradInput, SpikeFunction spike) {
        double beta = beta();
        double[] gNext = ((LifState) adjoint).potential();
        for (int j = 0; j < gNext.length; j++) {
            double g = gradSpikes[offset + j] + beta * gNext[j];
            gradInput[offset + j] = g;
            gNext[j] = g;
        }
    }
}
