package io.delaynet.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-group running buffers of an optimizer, by name: one row per group, sized like the group
 * when it is trainable and empty when it is frozen (a frozen 784x800 weight matrix needs no moments).
 * Turns them into an {@link OptimizerState} and back, checking names and shapes.
 */
final class GroupBuffers {
    private final String type;
    private final List<ParameterGroup> groups;
    private final Map<String, double[][]> buffers = new LinkedHashMap<>();

    GroupBuffers(String type, List<ParameterGroup> groups, List<String> names) {
        this.type = type;
        this.groups = groups;
        for (String name : names) {
            double[][] rows = new double[groups.size()][];
            for (int g = 0; g < rows.length; g++) {
                rows[g] = new double[groups.get(g).trainable() ? groups.get(g).size() : 0];
            }
            buffers.put(name, rows);
        }
    }

    /** The live rows of a buffer (updated in place by the optimizer). */
    double[][] get(String name) {
        return buffers.get(name);
    }

    OptimizerState state(long steps) {
        return new OptimizerState(type, steps, buffers);
    }

    /** Copies a snapshot into the live buffers; returns its step count. */
    long restore(OptimizerState state) {
        if (!type.equals(state.type())) {
            throw new IllegalArgumentException("the saved optimizer state is " + state.type()
                    + "'s, but the optimizer is " + type);
        }
        if (!state.buffers().keySet().equals(buffers.keySet())) {
            throw new IllegalArgumentException("the saved " + type + " state keeps " + state.buffers().keySet()
                    + ", but this " + type + " keeps " + buffers.keySet() + " (were its settings changed?)");
        }
        for (Map.Entry<String, double[][]> e : buffers.entrySet()) {
            double[][] from = state.buffers().get(e.getKey());
            double[][] to = e.getValue();
            if (from.length != to.length) {
                throw new IllegalArgumentException("the saved optimizer state has " + from.length
                        + " parameter groups, expected " + to.length);
            }
            for (int g = 0; g < to.length; g++) {
                if (!groups.get(g).trainable()) {
                    continue; // a frozen group's row is never read; old checkpoints stored zeros there
                }
                if (from[g].length == 0) {
                    java.util.Arrays.fill(to[g], 0.0); // frozen when saved: its moments were zeros
                } else if (from[g].length != to[g].length) {
                    throw new IllegalArgumentException("the saved optimizer buffer " + e.getKey() + " of group "
                            + groups.get(g).name() + " has " + from[g].length + " values, expected " + to[g].length);
                } else {
                    System.arraycopy(from[g], 0, to[g], 0, to[g].length);
                }
            }
        }
        return state.steps();
    }
}
