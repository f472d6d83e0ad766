package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/** Step and adjoint step of the {@link SrmParams spike response model}. */
public final class Srm {
    private Srm() {
    }

    /**
     * Advances every neuron by one step. Reads the synaptic input row at {@code offset}, writes
     * the membrane potential and the output at the same offset, and updates {@code state} in
     * place (a new state object per step would cost an allocation per neuron row per sample).
     */
    public static void step(SrmParams p, SrmState state, double[] input, int offset, double[] membrane,
                            double[] spikes, SpikeFunction spike) {
        AlphaKernel psp = p.psp();
        AlphaKernel ref = p.refractory();
        double qp = psp.decay();
        double gp = psp.gain();
        double qr = ref.decay();
        double gr = ref.gain();
        double theta = p.threshold();
        double[] pTrace = state.pspTrace();
        double[] pRamp = state.pspRamp();
        double[] rTrace = state.refractoryTrace();
        double[] rRamp = state.refractoryRamp();
        int n = pTrace.length;
        for (int j = 0; j < n; j++) {
            double pr = qp * (pRamp[j] + pTrace[j]);
            pRamp[j] = pr;
            pTrace[j] = qp * pTrace[j] + input[offset + j];
            double rr = qr * (rRamp[j] + rTrace[j]);
            rRamp[j] = rr;
            double u = gp * pr + gr * rr;
            double z = spike.spike(u, theta);
            rTrace[j] = qr * rTrace[j] + z;
            membrane[offset + j] = u;
            spikes[offset + j] = z;
        }
    }

    /**
     * One step of the backward pass, run for t = T-1 down to 0: turns dL/d output at step t into
     * dL/d input at step t. {@code adjoint} carries the reversed filters' variables.
     */
    public static void adjointStep(SrmParams p, SrmState adjoint, double[] membrane, double[] gradSpikes, int offset,
                                   double[] gradInput, SpikeFunction spike) {
        AlphaKernel psp = p.psp();
        AlphaKernel ref = p.refractory();
        double qp = psp.decay();
        double gp = psp.gain();
        double qr = ref.decay();
        double gr = ref.gain();
        double theta = p.threshold();
        boolean throughRefractory = !p.detachReset();
        double[] pTrace = adjoint.pspTrace();
        double[] pRamp = adjoint.pspRamp();
        double[] rTrace = adjoint.refractoryTrace();
        double[] rRamp = adjoint.refractoryRamp();
        int n = pTrace.length;
        for (int j = 0; j < n; j++) {
            double fromLater = 0;
            if (throughRefractory) {
                double rr = qr * (rRamp[j] + rTrace[j]);
                rRamp[j] = rr;
                fromLater = gr * rr;
            }
            double gu = (gradSpikes[offset + j] + fromLater) * spike.derivative(membrane[offset + j], theta);
            if (throughRefractory) {
                rTrace[j] = qr * rTrace[j] + gu;
            }
            double pr = qp * (pRamp[j] + pTrace[j]);
            pRamp[j] = pr;
            gradInput[offset + j] = gp * pr;
            pTrace[j] = qp * pTrace[j] + gu;
        }
    }
}
