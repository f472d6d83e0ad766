package io.delaynet.stepped.delay;

/**
 * Where a delayed spike lands: it reaches the target {@code offset(k)} steps after it was emitted
 * with weight {@code value(k)}, and {@code slope(k)} is the derivative of that weight with respect
 * to the delay that the backward pass uses. Reusable scratch space, one per worker thread.
 */
public final class Taps {
    final int[] offset;
    final double[] value;
    final double[] slope;
    int count;

    public Taps(int capacity) {
        offset = new int[capacity];
        value = new double[capacity];
        slope = new double[capacity];
    }

    public int count() {
        return count;
    }

    public int offset(int k) {
        return offset[k];
    }

    public double value(int k) {
        return value[k];
    }

    public double slope(int k) {
        return slope[k];
    }

    void set(int k, int offsetSteps, double weight, double derivative) {
        offset[k] = offsetSteps;
        value[k] = weight;
        slope[k] = derivative;
    }
}
