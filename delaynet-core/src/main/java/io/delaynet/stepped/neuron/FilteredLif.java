package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/** Step and adjoint step of {@link FilteredLifParams the NA paper's filtered LIF neurons}. */
public final class FilteredLif {
    private FilteredLif() {
    }

    /**
     * The current of the next step from the current of this one and the step's input; the one
     * expression the forward pass and neighbourhood aggregation's re-simulation share, so both see
     * bit-identical currents.
     */
    public static double nextCurrent(double alpha, double gain, double current, double input) {
        return alpha * current + gain * input;
    }

    /** Advances every neuron by one step (see {@link FilteredLifParams} for the equations). */
    public static void step(FilteredLifParams p, CubaLifState state, double[] input, int offset, double[] membrane,
                            double[] spikes, SpikeFunction spike) {
        double alpha = p.alpha();
        double gain = p.gain();
        double beta = p.beta();
        double theta = p.threshold();
        double[] current = state.current();
        double[] v = state.potential();
        for (int j = 0; j < v.length; j++) {
            double i = nextCurrent(alpha, gain, current[j], input[offset + j]);
            current[j] = i;
            double u = beta * v[j] + i;
            double z = spike.spike(u, theta);
            v[j] = u * (1 - z);
            membrane[offset + j] = u;
            spikes[offset + j] = z;
        }
    }

    /**
     * One step of the backward pass (t = T-1 down to 0); the adjoint state carries dL/du[t+1] (in
     * {@code potential}) and dL/dI[t+1] (in {@code current}). Writes dL/dx[t].
     */
    public static void adjointStep(FilteredLifParams p, CubaLifState adjoint, double[] membrane, double[] spikes,
                                   double[] gradSpikes, int offset, double[] gradInput, SpikeFunction spike) {
        double alpha = p.alpha();
        double gain = p.gain();
        double beta = p.beta();
        double theta = p.threshold();
        boolean throughReset = !p.detachReset();
        double[] gNextU = adjoint.potential();
        double[] gNextI = adjoint.current();
        for (int j = 0; j < gNextU.length; j++) {
            double u = membrane[offset + j];
            double z = spikes[offset + j];
            double gAfter = beta * gNextU[j];                  // dL/dv'[t]
            double gz = gradSpikes[offset + j] + (throughReset ? -u * gAfter : 0);
            double gu = gz * spike.derivative(u, theta) + gAfter * (1 - z);
            double gi = gu + alpha * gNextI[j];                // I[t] feeds u[t] and I[t+1]
            gradInput[offset + j] = gain * gi;
            gNextU[j] = gu;
            gNextI[j] = gi;
        }
    }
}
