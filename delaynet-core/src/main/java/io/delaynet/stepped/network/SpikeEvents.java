package io.delaynet.stepped.network;

import java.util.Arrays;

/**
 * The non-zero entries of a population's output over a sample, grouped by step: the form in
 * which spikes enter a projection, so that its cost scales with the number of spikes rather than
 * with neurons times steps. An input pixel spikes at most once and most pixels never do, which
 * is where the time-stepped engine's speed comes from. Entries carry a value because the smooth
 * stand-in used for gradient checks emits graded outputs.
 *
 * <p>Built in order of steps: {@link #clear}, then {@link #add} with non-decreasing steps, then
 * {@link #finish}. Reused across samples by one worker thread.
 */
public final class SpikeEvents {
    private final int steps;
    private final int[] start;
    private int[] neuron = new int[256];
    private double[] value = new double[256];
    private int size;
    private int openStep;

    public SpikeEvents(int steps) {
        this.steps = steps;
        this.start = new int[steps + 1];
    }

    /**
     * An upper bound of the bytes a list of {@code steps} steps holds once it has carried up to
     * {@code entries} entries: the step index, and the entry arrays grown by doubling (so up to
     * twice the entries, and never below their first 256).
     */
    public static long bytes(int steps, long entries) {
        long capacity = Math.max(256, 2 * entries);
        return 32 + io.delaynet.config.MemoryCheck.ints(steps + 1L) + io.delaynet.config.MemoryCheck.ints(capacity)
                + io.delaynet.config.MemoryCheck.doubles(capacity);
    }

    public int steps() {
        return steps;
    }

    public void clear() {
        size = 0;
        openStep = 0;
        start[0] = 0;
    }

    /** Appends an entry; steps must not decrease between calls. */
    public void add(int step, int neuronIndex, double amount) {
        if (step < openStep || step >= steps) {
            throw new IllegalArgumentException("event at step " + step + " after step " + openStep
                    + " or outside 0.." + (steps - 1));
        }
        while (openStep < step) {
            start[++openStep] = size;
        }
        if (size == neuron.length) {
            ensureCapacity(2 * size);
        }
        neuron[size] = neuronIndex;
        value[size] = amount;
        size++;
    }

    /** Closes the remaining steps; call once after the last {@link #add}. */
    public void finish() {
        while (openStep < steps) {
            start[++openStep] = size;
        }
    }

    /**
     * Appends step {@code t} (the next one: steps are appended in order from 0 after {@link #clear})
     * from {@code row[offset .. offset + width)}: its non-zero entries, or every entry when
     * {@code all} (the dense baseline). The step's entries can be read at once.
     */
    public void appendStep(int t, double[] row, int offset, int width, boolean all) {
        if (t != openStep || t >= steps) {
            throw new IllegalArgumentException("step " + t + " appended after step " + (openStep - 1));
        }
        ensureCapacity(size + width);
        int n = size;
        for (int j = 0; j < width; j++) {
            double v = row[offset + j];
            if (all || v != 0) {
                neuron[n] = j;
                value[n] = v;
                n++;
            }
        }
        size = n;
        start[++openStep] = n;
    }

    /** Collects the non-zero entries of {@code dense[t * width + j]}. */
    public void collect(double[] dense, int width) {
        ensureCapacity(steps * width);
        int n = 0;
        for (int t = 0; t < steps; t++) {
            start[t] = n;
            int row = t * width;
            for (int j = 0; j < width; j++) {
                double v = dense[row + j];
                if (v != 0) {
                    neuron[n] = j;
                    value[n] = v;
                    n++;
                }
            }
        }
        start[steps] = n;
        size = n;
        openStep = steps;
    }

    /**
     * Collects every entry, zeros included: the same computation without exploiting sparsity,
     * which is the baseline the speed benchmark compares against.
     */
    public void collectAll(double[] dense, int width) {
        clear();
        for (int t = 0; t < steps; t++) {
            int row = t * width;
            for (int j = 0; j < width; j++) {
                add(t, j, dense[row + j]);
            }
        }
        finish();
    }

    private void ensureCapacity(int capacity) {
        if (neuron.length < capacity) {
            int grown = Math.max(capacity, 2 * neuron.length);
            neuron = Arrays.copyOf(neuron, grown);
            value = Arrays.copyOf(value, grown);
        }
    }

    /** Total number of entries. */
    public int size() {
        return size;
    }

    /** Index of the first entry of step t. */
    public int from(int t) {
        return start[t];
    }

    /** Index after the last entry of step t. */
    public int to(int t) {
        return start[t + 1];
    }

    public int neuron(int k) {
        return neuron[k];
    }

    public double value(int k) {
        return value[k];
    }
}
