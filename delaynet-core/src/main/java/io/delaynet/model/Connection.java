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
 */
public record Connection(String name, String from, String to, int pre, int post, double[] weights, DelayKind kind,
                         double[] delays, DelayRealisation realisation, boolean recurrent) {
    public Connection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(realisation, "realisation");
        if (weights.length != pre * post) {
            throw new IllegalArgumentException(name + ": " + weights.length + " weights for " + pre + " x " + post);
        }
        if (delays.length != kind.count(pre, post)) {
            throw new IllegalArgumentException(name + ": " + delays.length + " delays, a " + kind + " projection of "
                    + pre + " x " + post + " has " + kind.count(pre, post));
        }
        if (recurrent && !from.equals(to)) {
            throw new IllegalArgumentException(name + ": a recurrent projection connects a population to itself");
        }
    }

    /** Weight of synapse i → j. */
    public double weight(int i, int j) {
        return weights[j * pre + i];
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
