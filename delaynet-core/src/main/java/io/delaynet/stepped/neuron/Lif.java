package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/** Step and adjoint step of {@link LifParams LIF neurons}. */
public final class Lif {
    private Lif() {
    }

    /**
     * Advances every neuron by one step: reads the input row at {@code offset}, writes the
     * pre-reset membrane potential and the output there, and updates {@code state} in place.
     */
    public static void step(LifParams p, LifState state, double[] input, int offset, double[] membrane,
                            double[] spikes, SpikeFunction spike) {
        double beta = p.beta();
        double theta = p.threshold();
        boolean subtract = p.reset() == LifParams.Reset.SUBTRACT;
        double[] v = state.potential();
        for (int j = 0; j < v.length; j++) {
            double u = beta * v[j] + input[offset + j];
            double z = spike.spike(u, theta);
            v[j] = subtract ? u - theta * z : u * (1 - z);
            membrane[offset + j] = u;
            spikes[offset + j] = z;
        }
    }

    /**
     * One step of the backward pass (t = T-1 down to 0). {@code adjoint.potential()} carries
     * dL/dv[t+1] between calls; writes dL/d input at step t.
     */
    public static void adjointStep(LifParams p, LifState adjoint, double[] membrane, double[] spikes,
                                   double[] gradSpikes, int offset, double[] gradInput, SpikeFunction spike) {
        double beta = p.beta();
        double theta = p.threshold();
        boolean subtract = p.reset() == LifParams.Reset.SUBTRACT;
        boolean throughReset = !p.detachReset();
        double[] gNext = adjoint.potential();
        for (int j = 0; j < gNext.length; j++) {
            double u = membrane[offset + j];
            double z = spikes[offset + j];
            double gAfter = beta * gNext[j];
            double afterPerU = subtract ? 1 : 1 - z;
            double afterPerSpike = subtract ? -theta : -u;
            double gz = gradSpikes[offset + j] + (throughReset ? gAfter * afterPerSpike : 0);
            double gu = gz * spike.derivative(u, theta) + gAfter * afterPerU;
            gradInput[offset + j] = gu;
            gNext[j] = gu;
        }
    }
}
