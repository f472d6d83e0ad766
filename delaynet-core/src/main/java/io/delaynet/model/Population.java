package io.delaynet.model;

import java.util.Objects;

/**
 * A group of neurons with the same dynamics.
 *
 * @param name unique in its description; parameter groups of the projections into it are named after it
 */
public record Population(String name, int size, Neuron neuron) {
    public Population {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(neuron, "neuron");
        if (size < 1) {
            throw new IllegalArgumentException("population " + name + " needs at least one neuron, got " + size);
        }
    }

    public boolean isSource() {
        return neuron instanceof Neuron.Source;
    }
}
