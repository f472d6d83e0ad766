package io.delaynet.run.sweep;

import java.util.List;
import java.util.Objects;

/**
 * One axis of a sweep file: a name (a column of the table) and the values the sweep tries on it.
 *
 * @param name   the axis's name, as the table's column
 * @param values the values, in the order their points appear
 */
public record SweepAxis(String name, List<Value> values) {

    public SweepAxis {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }

    /**
     * One value of an axis: its label in the table and what it changes in a run.
     *
     * @param label     the value as the table shows it (and the run folder's name carries it)
     * @param example   a configuration replacing the sweep's base for points with this value; null: none
     * @param overrides {@code key.path=value} overrides for points with this value
     */
    public record Value(String label, ConfigText example, List<String> overrides) {
        public Value {
            Objects.requireNonNull(label, "label");
            overrides = List.copyOf(overrides);
        }
    }
}
