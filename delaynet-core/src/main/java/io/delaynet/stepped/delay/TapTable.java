package io.delaynet.stepped.delay;

/**
 * The taps of every delay of a projection, computed once per parameter change instead of once
 * per spike and synapse: a recurrent layer's backward pass reads every synapse's taps at every
 * step, and a Gaussian tap costs an exponential. Same numbers as calling
 * {@link DelayInterpolation#taps} each time. Read-only between refreshes, so worker threads share it.
 */
public final class TapTable {
    private final DelayInterpolation interpolation;
    private final int earliest;
    private final int width;
    private final int[] count;
    private final int[] offset;
    private final double[] value;
    private final double[] slope;

    public TapTable(DelayInterpolation interpolation, int earliest, int delays) {
        this.interpolation = interpolation;
        this.earliest = earliest;
        this.width = interpolation.maxTaps();
        this.count = new int[delays];
        this.offset = new int[delays * width];
        this.value = new double[delays * width];
        this.slope = new double[delays * width];
    }

    /** Recomputes every delay's taps. */
    public void refresh(double[] delays) {
        Taps taps = new Taps(width);
        for (int k = 0; k < delays.length; k++) {
            interpolation.taps(delays[k], earliest, taps);
            count[k] = taps.count();
            int base = k * width;
            for (int m = 0; m < taps.count(); m++) {
                offset[base + m] = taps.offset(m);
                value[base + m] = taps.value(m);
                slope[base + m] = taps.slope(m);
            }
        }
    }

    /** Number of taps of delay k. */
    public int count(int k) {
        return count[k];
    }

    /** Index of delay k's first tap in {@link #offset}, {@link #value} and {@link #slope}. */
    public int first(int k) {
        return k * width;
    }

    public int offset(int tap) {
        return offset[tap];
    }

    public double value(int tap) {
        return value[tap];
    }

    public double slope(int tap) {
        return slope[tap];
    }
}
