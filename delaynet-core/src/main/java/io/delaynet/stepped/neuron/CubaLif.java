package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/** Step and adjoint step of {@link CubaLifParams CubaLIF neurons}. */
public final class CubaLif {
    private CubaLif() {
    }

    /** Advances every neuron by one step (see {@link CubaLifParams} for the equations). */
    public static void step(CubaLifParams p, CubaLifState state, double[] input, int offset, double[] membrane,
                            double[] spikes, SpikeFunction spike) {
        double alpha = p.alpha();
        double beta = p.beta();
        double theta = p.threshold();
        boolean subtract = p.reset() == LifParams.Reset.SUBTRACT;
        double[] current = state.current();
        double[] v = state.potential();
        for (int j = 0; j < v.length; j++) {
            double i = alpha * current[j] + input[offset + j];
            current[j] = i;
            double u = beta * v[j] + i;
            double z = spike.spike(u, theta);
            v[j] = subtract ? u - theta * z : u * (1 - z);
            membrane[offset + j] = u;
            spikes[offset + j] = z;
        }
    }

    /**
     * One step of the backward pass (t = T-1 down to 0). The adjoint state carries dL/du[t+1] (in
     * {@code potential}) and dL/dI[t+1] (in {@code current}) between calls; writes dL/dx[t].
     */
    public static void adjointStep(CubaLifParams p, CubaLifState adjoint, double[] membrane, double[] spikes,
                                   double[] gradSpikes, int offset, double[] gradInput, SpikeFunction spike) {
        double alpha = p.alpha();
        double beta = p.beta();
        double theta = p.threshold();
        boolean subtract = p.reset() == LifParams.Reset.SUBTRACT;
        boolean throughReset = !p.detachReset();
        double[] gNextU = adjoint.potential();
        double[] gNextI = adjoint.current();
        for (int j = 0; j < gNextU.length; j++) {
            double u = membrane[offset + j];
            double z = spikes[offset + j];
            double gAfter = beta * gNextU[j];                  // dL/dv'[t], through u[t+1] = beta v'[t] + ...
            double afterPerU = subtract ? 1 : 1 - z;
            double afterPerSpike = subtract ? -theta : -u;
            double gz = gradSpikes[offset + j] + (throughReset ? gAfter * afterPerSpike : 0);
            double gu = gz * spike.derivative(u, theta) + gAfter * afterPerU;
            double gi = gu + alpha * gNextI[j];                // I[t] feeds u[t] and I[t+1]
            gradInput[offset + j] = gi;
            gNextU[j] = gu;
            gNextI[j] = gi;
        }
    }
}
