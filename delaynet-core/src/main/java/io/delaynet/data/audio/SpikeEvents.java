package io.delaynet.data.audio;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The spikes of one sample as a list of (unit, time) events, the layout of the Spiking Heidelberg
 * Digits: times in seconds as float, units as int in [0, unitCount). Events are ordered by time, ties
 * by unit, so two equal event sets always compare equal element by element. Immutable.
 */
public final class SpikeEvents {
    private final float[] times;
    private final int[] units;
    private final int unitCount;
    private final float duration;

    private SpikeEvents(float[] times, int[] units, int unitCount, float duration) {
        this.times = times;
        this.units = units;
        this.unitCount = unitCount;
        this.duration = duration;
    }

    /**
     * Events from parallel arrays (copied, and sorted by time then unit if they are not already).
     *
     * @param duration length of the sample in seconds; at least the last event time
     * @throws IllegalArgumentException for mismatched lengths, a unit out of range, or a negative or
     *                                  non-finite time
     */
    public static SpikeEvents of(float[] times, int[] units, int unitCount, float duration) {
        if (times.length != units.length) {
            throw new IllegalArgumentException(times.length + " times but " + units.length + " units");
        }
        float last = 0;
        boolean sorted = true;
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || Float.isInfinite(times[i])) {
                throw new IllegalArgumentException("event " + i + " has time " + times[i]);
            }
            if (units[i] < 0 || units[i] >= unitCount) {
                throw new IllegalArgumentException("event " + i + " has unit " + units[i] + ", outside [0, "
                        + unitCount + ")");
            }
            sorted &= i == 0 || inOrder(times[i - 1], units[i - 1], times[i], units[i]);
            last = Math.max(last, times[i]);
        }
        if (!(duration >= last)) {
            throw new IllegalArgumentException("duration " + duration + " s ends before the last event at " + last);
        }
        if (sorted) {
            return new SpikeEvents(times.clone(), units.clone(), unitCount, duration);
        }
        Integer[] order = new Integer[times.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> times[i]).thenComparingInt(i -> units[i]));
        float[] t = new float[times.length];
        int[] u = new int[times.length];
        for (int i = 0; i < order.length; i++) {
            t[i] = times[order[i]];
            u[i] = units[order[i]];
        }
        return new SpikeEvents(t, u, unitCount, duration);
    }

    /** Whether (t1, u1) may come before (t2, u2): earlier time, or the same time and a unit no higher. */
    private static boolean inOrder(float t1, int u1, float t2, int u2) {
        return t1 < t2 || (t1 == t2 && u1 <= u2);
    }

    public int size() {
        return times.length;
    }

    public float time(int i) {
        return times[i];
    }

    public int unit(int i) {
        return units[i];
    }

    /** Number of input units (channels) the events refer to, spiking or not. */
    public int unitCount() {
        return unitCount;
    }

    /** Length of the sample in seconds (for an encoded recording, the recording's length). */
    public float duration() {
        return duration;
    }

    public float[] timesCopy() {
        return times.clone();
    }

    public int[] unitsCopy() {
        return units.clone();
    }

    /** Spikes per unit over the whole sample. */
    public int[] countsPerUnit() {
        int[] counts = new int[unitCount];
        for (int u : units) {
            counts[u]++;
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpikeEvents e && unitCount == e.unitCount && duration == e.duration
                && Arrays.equals(times, e.times) && Arrays.equals(units, e.units);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(times) + Arrays.hashCode(units)) + unitCount;
    }

    @Override
    public String toString() {
        return "SpikeEvents[" + times.length + " events, " + unitCount + " units, " + duration + " s]";
    }

    /** Collects events in time order, as an encoder emits them. */
    public static final class Builder {
        private final int unitCount;
        private float[] times = new float[256];
        private int[] units = new int[256];
        private int size;

        public Builder(int unitCount) {
            this.unitCount = unitCount;
        }

        /** Appends an event; callers add in (time, unit) order, which {@link #build} checks. */
        public void add(float time, int unit) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                units = Arrays.copyOf(units, size * 2);
            }
            times[size] = time;
            units[size] = unit;
            size++;
        }

        public SpikeEvents build(float duration) {
            return of(Arrays.copyOf(times, size), Arrays.copyOf(units, size), unitCount, duration);
        }
    }
}
