package io.delaynet.online;

import java.util.Arrays;

/**
 * The last {@code depth} rows of a presynaptic population's output, as a ring: all an online
 * simulation keeps of the past. A delayed spike is read from the row it was emitted in, so a
 * projection whose longest tap lands {@code m} steps after emission needs a depth of {@code m + 1};
 * the depth never depends on the length of the sequence.
 */
final class History {
    private final int width;
    private final int depth;
    private final double[] rows;
    /** {@link #lags}' answer, reused: no allocation per step. */
    private final int[] lagOffsets;

    History(int width, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("a history needs a depth of at least one row, got " + depth);
        }
        this.width = width;
        this.depth = depth;
        this.rows = new double[width * depth];
        this.lagOffsets = new int[depth];
    }

    int width() {
        return width;
    }

    int depth() {
        return depth;
    }

    /** Forgets everything: the start of a sequence (times before 0 read as silence). */
    void clear() {
        Arrays.fill(rows, 0.0);
    }

    /** Stores the row of step {@code t}, overwriting step {@code t - depth}. */
    void put(int t, double[] row) {
        System.arraycopy(row, 0, rows, (t % depth) * width, width);
    }

    /**
     * Offset in {@link #rows()} of the row of step {@code s}, or -1 for a step before the start.
     * The caller keeps {@code s > t - depth} for the latest stored step t.
     */
    int rowOffset(int s) {
        return s < 0 ? -1 : (s % depth) * width;
    }

    /**
     * For step t, the offset in {@link #rows()} of the row emitted {@code m} steps earlier, for m =
     * 0 .. depth-1 (-1 before the start): computed once per step, so the loops over synapses do
     * no modulo.
     */
    int[] lags(int t) {
        for (int m = 0; m < depth; m++) {
            lagOffsets[m] = rowOffset(t - m);
        }
        return lagOffsets;
    }

    double[] rows() {
        return rows;
    }

    /** Doubles held, for the memory accounting. */
    long doubles() {
        return rows.length + lagOffsets.length;
    }
}
