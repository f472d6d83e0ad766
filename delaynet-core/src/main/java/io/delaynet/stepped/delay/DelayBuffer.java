package io.delaynet.stepped.delay;

import java.util.Arrays;

/**
 * The recent output of a population, kept so that a spike emitted at step t can be read at any
 * step t + d with whole delay {@code 0 <= d <= maxDelay}: a ring of {@code maxDelay + 1} slots,
 * the least memory that still holds the current step and the oldest one still needed. This is
 * how a deployed (rounded) network and an online learning rule move spikes through delays one
 * step at a time.
 */
public final class DelayBuffer {
    private final int size;
    private final int slots;
    private final double[] ring;
    private long latest = -1;

    public DelayBuffer(int size, int maxDelay) {
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maximum delay must be >= 0, got " + maxDelay);
        }
        this.size = size;
        this.slots = maxDelay + 1;
        this.ring = new double[slots * size];
    }

    /** Number of slots: the maximum delay plus one. */
    public int slots() {
        return slots;
    }

    /** Records the output of the next step: {@code size} values starting at {@code offset}. */
    public void push(double[] output, int offset) {
        latest++;
        System.arraycopy(output, offset, ring, slot(latest) * size, size);
    }

    /**
     * The output of {@code neuron} emitted {@code delay} steps before the latest push (0 = the
     * latest step itself); 0 for steps before the first push.
     */
    public double read(int neuron, int delay) {
        if (delay < 0 || delay >= slots) {
            throw new IllegalArgumentException("delay " + delay + " is outside the buffer's 0.." + (slots - 1));
        }
        long step = latest - delay;
        return step < 0 ? 0.0 : ring[slot(step) * size + neuron];
    }

    /** Forgets all history, as at the start of a new sample. */
    public void clear() {
        Arrays.fill(ring, 0);
        latest = -1;
    }

    private int slot(long step) {
        return (int) (step % slots);
    }
}
