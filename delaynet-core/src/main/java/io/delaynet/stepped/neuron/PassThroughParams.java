package io.delaynet.stepped.neuron;

import io.delaynet.stepped.surrogate.SpikeFunction;

/**
 * No neurons at all: the output of every step is the step's weighted input, unchanged. A pooling
 * stage of this kind sums its window and hands the sum straight to the next projection, as the NA
 * and TSSL-BP releases pool (their pooling layer is a fixed convolution of the previous layer's
 * postsynaptic currents with no spiking nonlinearity after it). Because the engine filters the
 * weighted input postsynaptically and the sum is linear, summing spikes here and filtering them in
 * the next layer gives the release's sum of filtered currents. The backward pass is the identity:
 * dL/d input = dL/d output, with no gradient estimator involved.
 */
public record PassThroughParams() implements NeuronModel {

    /** Nothing fires, so nothing has a threshold; reports show NaN. */
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
        return LifState.atRest(size); // unused: the stage keeps nothing from one step to the next
    }

    @Override
    public void step(NeuronState state, double[] input, int offset, double[] membrane, double[] spikes,
                     SpikeFunction spike) {
        int n = state.size();
        System.arraycopy(input, offset, membrane, offset, n);
        System.arraycopy(input, offset, spikes, offset, n);
    }

    @Override
    public void adjointStep(NeuronState adjoint, double[] membrane, double[] spikes, double[] gradSpikes, int offset,
                            double[] gradInput, SpikeFunction spike) {
        System.arraycopy(gradSpikes, offset, gradInput, offset, adjoint.size());
    }
}
