package io.delaynet.hardware;

import io.delaynet.delay.DelayKind;

/**
 * One all-to-all projection as a backend sees it: plain numbers, no training parameterisation.
 *
 * @param pre     presynaptic neurons (or input lines)
 * @param post    postsynaptic neurons
 * @param weights post-major, {@code weights[j * pre + i]} for i → j
 * @param kind    where the delays live; a chip realises one delay element per presynaptic neuron
 *                (axonal), per postsynaptic neuron (dendritic) or per synapse (synaptic)
 * @param delays  effective delay of every synapse, post-major like the weights (all 0 for NONE)
 *                <p>The arrays are copied on construction; the accessors return them as they are, so
 *                readers must not modify them.
 */
public record LayerDescription(int pre, int post, double[] weights, DelayKind kind, double[] delays) {
    public LayerDescription {
        if (pre < 1 || post < 1) {
            throw new IllegalArgumentException("a layer needs at least one pre- and one postsynaptic neuron");
        }
        if (weights.length != pre * post || delays.length != pre * post) {
            throw new IllegalArgumentException("expected " + pre * post + " weights and delays, got "
                    + weights.length + " and " + delays.length);
        }
        weights = weights.clone();
        delays = delays.clone();
    }

    public double weight(int i, int j) {
        return weights[j * pre + i];
    }

    public double delay(int i, int j) {
        return delays[j * pre + i];
    }

    /** Which delay element synapse i → j uses: its presynaptic line, its neuron, or itself. */
    public int delayElement(int i, int j) {
        return switch (kind) {
            case NONE -> -1;
            case AXONAL -> i;
            case DENDRITIC -> j;
            case SYNAPTIC -> j * pre + i;
        };
    }

    /** Number of delay elements the layer needs on a chip. */
    public int delayElements() {
        return switch (kind) {
            case NONE -> 0;
            case AXONAL -> pre;
            case DENDRITIC -> post;
            case SYNAPTIC -> pre * post;
        };
    }
}
