package io.delaynet.stepped.neuron;

import java.util.Arrays;

/**
 * State of SRM neurons: the two recursive-filter variables of the postsynaptic-potential kernel
 * (driven by the synaptic input) and of the refractory kernel (driven by the neuron's own spikes).
 * See {@link AlphaKernel} for what trace and ramp hold.
 */
public record SrmState(double[] pspTrace, double[] pspRamp, double[] refractoryTrace, double[] refractoryRamp)
        implements NeuronState {

    public static SrmState atRest(int size) {
        return new SrmState(new double[size], new double[size], new double[size], new double[size]);
    }

    @Override
    public int size() {
        return pspTrace.length;
    }

    @Override
    public void clear() {
        Arrays.fill(pspTrace, 0);
        Arrays.fill(pspRamp, 0);
        Arrays.fill(refractoryTrace, 0);
        Arrays.fill(refractoryRamp, 0);
    }
}
