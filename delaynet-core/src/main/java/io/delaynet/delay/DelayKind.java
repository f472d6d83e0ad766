package io.delaynet.delay;

import java.util.Locale;

/**
 * Where a projection's transmission delay lives, which decides how many delay parameters it has
 * and which synapses share one. The one delay kind of the library: both engines, the network
 * description and the backends use it.
 */
public enum DelayKind {
    /** No delay: arrival time equals the presynaptic spike time. */
    NONE,
    /** One delay per presynaptic neuron, shared by all its outgoing synapses. */
    AXONAL,
    /** One delay per postsynaptic neuron, shared by all its incoming synapses. */
    DENDRITIC,
    /** One delay per synapse. */
    SYNAPTIC;

    /** Number of delay parameters of a pre × post projection without sharing (0 for {@link #NONE}). */
    public int count(int pre, int post) {
        return parameterCount(pre, post, 1, 1);
    }

    /**
     * Number of trainable delay parameters of a pre × post projection whose parameters are tied
     * across groups of {@code preSharing} presynaptic and {@code postSharing} postsynaptic neurons.
     */
    public int parameterCount(int pre, int post, int preSharing, int postSharing) {
        return switch (this) {
            case NONE -> 0;
            case AXONAL -> pre / preSharing;
            case DENDRITIC -> post / postSharing;
            case SYNAPTIC -> (pre / preSharing) * (post / postSharing);
        };
    }

    /**
     * The parameter that sets the delay of synapse (i → j). Shared parameters are tiled, as in the
     * DelGrad reference: with k distinct presynaptic parameters, line i uses parameter i mod k.
     */
    public int parameterIndex(int i, int j, int pre, int post, int preSharing, int postSharing) {
        int nPre = pre / preSharing;
        int nPost = post / postSharing;
        return switch (this) {
            case NONE -> -1;
            case AXONAL -> i % nPre;
            case DENDRITIC -> j % nPost;
            case SYNAPTIC -> (j % nPost) * nPre + (i % nPre);
        };
    }

    /** Parses none/axonal/dendritic/synaptic, ignoring case. */
    public static DelayKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown delay kind '" + text
                    + "'; use none, axonal, dendritic or synaptic");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
