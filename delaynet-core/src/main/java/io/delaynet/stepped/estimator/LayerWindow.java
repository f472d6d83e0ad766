package io.delaynet.stepped.estimator;

import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.surrogate.SpikeFunction;

/**
 * One layer's record of a sample, as the forward pass left it: what a gradient estimator may look
 * at. Arrays are laid out {@code x[t * size + j]} and hold {@code steps} rows that count (some
 * buffers are longer). They belong to the worker's activity and are only valid until its next
 * forward pass.
 *
 * @param neuron   the layer's dynamics; an estimator may re-run its step function (from
 *                 {@link NeuronModel#newState}) to see what a changed spike would have done
 * @param input    the total input the neurons received per step (feed-forward plus recurrent)
 * @param membrane the potential the spike decision saw per step (before any reset)
 * @param output   the layer's output per step (spikes; a read-out's potential)
 * @param forward  the spike function of the forward pass
 */
public record LayerWindow(NeuronModel neuron, int size, int steps, double[] input, double[] membrane,
                          double[] output, SpikeFunction forward) {
}
