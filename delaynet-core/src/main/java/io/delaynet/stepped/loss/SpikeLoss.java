package io.delaynet.stepped.loss;

/**
 * A loss on the output layer's output for one sample: spike trains, or the potentials of a
 * non-spiking read-out ({@link ReadoutCrossEntropy}). Arrays are laid out {@code s[t * classes + k]}.
 */
public sealed interface SpikeLoss permits SpikeTimeLoss, CountCrossEntropy, FirstSpikeLoss, ReadoutCrossEntropy,
        FilteredKernelLoss, SpikeCountLoss, TraceCrossEntropy {

    /**
     * The loss of {@code spikes} for the true class {@code label}.
     *
     * @param gradient if not null, receives dL/d spikes (overwritten), same layout
     */
    double evaluate(double[] spikes, int steps, int classes, int label, double[] gradient);
}
