package io.delaynet.model;

import io.delaynet.delay.DelayKind;
import java.util.Objects;

/**
 * All-to-all synapses from population {@code from} ({@code pre} neurons) to {@code to}
 * ({@code post}), with their weights and delays. One layout for every engine and file:
 * <ul>
 *   <li>weights post-major, {@code weights[j * pre + i]} for i → j (NIR's {@code Linear.weight}
 *       is (out, in));</li>
 *   <li>delays in time units, one per delay element: per presynaptic neuron (axonal, length pre),
 *       per postsynaptic neuron (dendritic, length post), per synapse post-major like the weights
 *       (synaptic), none for {@link DelayKind#NONE};</li>
 *   <li>{@code recurrent}: {@code from} and {@code to} are the same population and a spike arrives
 *       no earlier than the next step (delays of at least one step, or one step without delays).</li>
 * </ul>
 * Arrays are shared, not copied: treat them as read-only.
 *
 * <p>{@code topology} says how the synapses are laid out: {@link Topology.Dense} (the above), or a
 * convolution or pooling whose weights are shared across positions ({@link Topology}); those carry
 * no delays, and {@link #weight} and {@link #delay} are for dense connections only.
 */
public record Connection(String name, String from, String to, int pre, int post, double[] weights, DelayKind kind,
                         double[] delays, DelayRealisation realisation, boolean recurrent, Topology topology) {
    public Connection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(realisation, "realisation");
        topology = topology == null ? Topology.Dense.INSTANCE : topology;
        topology.check(name, pre, post);
        if (weights.length != topology.weightCount(pre, post)) {
            throw new IllegalArgumentException(name + ": " + weights.length + " weights for " + pre + " x " + post
                    + (isDense(topology) ? "" : " (" + topology.type() + ", " + topology.weightCount(pre, post) + ")"));
        }
        if (!isDense(topology) && (kind != DelayKind.NONE || recurrent)) {
            throw new IllegalArgumentException(name + ": a " + topology.type()
                    + " connection is feed-forward and has no delays (delay kind none)");
        }
        if (delays.length != kind.count(pre, post)) {
            throw new IllegalArgumentException(name + ": " + delays.length + " delays, a " + kind + " projection of "
                    + pre + " x " + post + " has " + kind.count(pre, post));
        }
        if (recurrent && !from.equals(to)) {
            throw new IllegalArgumentException(name + ": a recurrent projection connects a population to itself");
        }
    }

    /** An all-to-all connection (the layout every engine supports). */
    public Connection(String name, String from, String to, int pre, int post, double[] weights, DelayKind kind,
                      double[] delays, DelayRealisation realisation, boolean recurrent) {
        this(name, from, to, pre, post, weights, kind, delays, realisation, recurrent, Topology.Dense.INSTANCE);
    }

    private static boolean isDense(Topology t) {
        return t instanceof Topology.Dense;
    }

    /** Whether the synapses are all-to-all with a weight each ({@link Topology.Dense}). */
    public boolean dense() {
        return isDense(topology);
    }

    /**
     * Throws unless this connection is dense: for engines and exports that only know all-to-all
     * projections.
     */
    public void requireDense(String what) {
        if (!dense()) {
            throw new IllegalArgumentException(name + " is a " + topology.type() + " connection; " + what
                    + " supports dense (all-to-all) projections only (convolution and pooling run in the time-stepped engine)");
        }
    }

    /** Weight of synapse i → j. */
    public double weight(int i, int j) {
        return weights[j * pre + i];
    }

    /** Which delay element synapse i → j uses (its line, its neuron, or itself); -1 without delays. */
    public int delayElement(int i, int j) {
        return switch (kind) {
            case NONE -> -1;
            case AXONAL -> i;
            case DENDRITIC -> j;
            case SYNAPTIC -> j * pre + i;
        };
    }

    /** Number of delay elements: the length of {@link #delays()}. */
    public int delayElements() {
        return delays.length;
    }

    /** Delay of synapse i → j in time units (0 without delays). */
    public double delay(int i, int j) {
        return switch (kind) {
            case NONE -> 0.0;
            case AXONAL -> delays[i];
            case DENDRITIC -> delays[j];
            case SYNAPTIC -> delays[j * pre + i];
        };
    }
}
