package io.delaynet.stepped.delay;

import java.util.Locale;

/**
 * Which synapses share a delay. Synaptic: every connection has its own. Axonal: all connections
 * leaving a presynaptic neuron share one. Dendritic: all connections reaching a postsynaptic
 * neuron share one. The delay of connection (i, j) is stored at {@code i * preStride + j * postStride},
 * so one indexing rule serves all three and the gradient of a shared delay is the sum over the
 * connections that share it.
 */
public enum DelayKind {
    SYNAPTIC, AXONAL, DENDRITIC;

    /** Number of delay parameters of a projection from {@code pre} to {@code post} neurons. */
    public int count(int pre, int post) {
        return switch (this) {
            case SYNAPTIC -> pre * post;
            case AXONAL -> pre;
            case DENDRITIC -> post;
        };
    }

    /** Index step per presynaptic neuron. */
    public int preStride(int post) {
        return switch (this) {
            case SYNAPTIC -> post;
            case AXONAL -> 1;
            case DENDRITIC -> 0;
        };
    }

    /** Index step per postsynaptic neuron. */
    public int postStride() {
        return this == AXONAL ? 0 : 1;
    }

    public static DelayKind parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "synaptic" -> SYNAPTIC;
            case "axonal" -> AXONAL;
            case "dendritic" -> DENDRITIC;
            default -> throw new IllegalArgumentException("unknown delay kind '" + name
                    + "'; use synaptic, axonal or dendritic");
        };
    }
}
