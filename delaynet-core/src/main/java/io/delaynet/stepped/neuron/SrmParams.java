package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/**
 * The spike response model of SLAYER, as the delay-only reference uses it (Ts = 1):
 * {@code u[t] = (eps * a)[t] + (nu * s)[t]}, spike when {@code u >= theta}, with the alpha PSP
 * kernel {@code eps} (time constant tauPsp) applied to the synaptic input {@code a} and the
 * refractory kernel {@code nu = -refractoryScale * theta * alpha(tauRefractory)} applied to the
 * neuron's own spikes.
 *
 * @param threshold       theta (reference: 10)
 * @param tauPsp          PSP kernel time constant in steps (reference: 10)
 * @param tauRefractory   refractory kernel time constant in steps (reference: 1)
 * @param refractoryScale refractory peak in units of theta (reference: 2)
 * @param detachReset     true (reference): the refractory response is not differentiated
 */
public record SrmParams(double threshold, double tauPsp, double tauRefractory, double refractoryScale,
                        boolean detachReset) implements NeuronModel {

    public SrmParams {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
        if (!(refractoryScale >= 0)) {
            throw new IllegalArgumentException("refractory scale must be >= 0, got " + refractoryScale);
        }
    }

    /** The reference's neuron: theta 10, tau_sr 10, tau_ref 1, scaleRef 2, refractory not differentiated. */
    public static SrmParams reference() {
        return new SrmParams(10, 10, 1, 2, true);
    }

    public AlphaKernel psp() {
        return new AlphaKernel(tauPsp, 1.0);
    }

    public AlphaKernel refractory() {
        return new AlphaKernel(tauRefractory, -refractoryScale * threshold);
    }

    @Override
    public NeuronState newState(int size) {
        return SrmState.atRest(size);
    }

    @Override
    public void step(NeuronState state, double[] input, int offset, double[] membrane, double[] spikes,
                     SpikeFunction spike) {
        Srm.step(this, (SrmState) state, input, offset, membrane, spikes, spike);
    }

    @Override
    public void adjointStep(NeuronState adjoint, double[] membrane, double[] spikes, double[] gradSpikes, int offset,
                            double[] gradInput, SpikeFunction spike) {
        Srm.adjointStep(this, (SrmState) adjoint, membrane, gradSpikes, offset, gradInput, spike);
    }
}
