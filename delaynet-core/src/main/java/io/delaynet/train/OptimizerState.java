package io.delaynet.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link Optimizer} must remember between steps, in a form a checkpoint can store without
 * knowing the optimizer: its type name, the number of steps taken, and named buffers with one row
 * per parameter group (in the order of the groups). A frozen group's row is empty; so is the row of
 * a group that was frozen when the state was taken, and restoring it starts that group from zeros.
 *
 * <p>Buffer names follow PyTorch's state dictionaries: {@code exp_avg}, {@code exp_avg_sq},
 * {@code max_exp_avg_sq} (Adam, AdamW), {@code momentum_buffer} (SGD with momentum).
 *
 * @param type    {@link Optimizer#type()} of the optimizer that wrote it
 * @param steps   optimizer steps taken so far (the t of the bias corrections)
 * @param buffers buffer name to rows, in a fixed order
 */
public record OptimizerState(String type, long steps, Map<String, double[][]> buffers) {
    public OptimizerState {
        Objects.requireNonNull(type, "type");
        if (steps < 0) {
            throw new IllegalArgumentException("optimizer steps must be >= 0, got " + steps);
        }
        Map<String, double[][]> copy = new LinkedHashMap<>();
        buffers.forEach((name, rows) -> copy.put(name, deepCopy(rows)));
        buffers = java.util.Collections.unmodifiableMap(copy);
    }

    /** A copy of the rows of one buffer; arrays are copied so the state is a snapshot. */
    public double[][] buffer(String name) {
        double[][] rows = buffers.get(name);
        if (rows == null) {
            throw new IllegalArgumentException("optimizer state has no buffer '" + name + "'");
        }
        return deepCopy(rows);
    }

    static double[][] deepCopy(double[][] rows) {
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i] == null ? new double[0] : rows[i].clone();
        }
        return c;
    }
}
