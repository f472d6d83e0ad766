package io.delaynet.data.audio;

/**
 * Turns event lists into time steps for a time-stepped engine. Event i falls in step
 * floor(t_i / dt) and in pooled channel unit_i / pool; events at or after {@code steps · dt} are
 * dropped, so callers choose the window.
 *
 * <p>A spike on a step boundary opens the later step. Times are floats, so "on" means within float
 * rounding: 0.01f is 0.0099999998, and the encoder's spike at sample 80 of 8 kHz audio would
 * otherwise land one step early at dt = 10 ms. Quotients are therefore raised by 2^-22 (two float
 * ulps) before flooring.
 */
public final class SpikeBinning {
    private static final double BOUNDARY_TOLERANCE = 1 + 0x1p-22;

    private SpikeBinning() {
    }

    /** Steps needed to cover {@code seconds} at step {@code dt}: ceil(seconds / dt), at least 1. */
    public static int stepsToCover(double seconds, double dt) {
        return Math.max(1, (int) Math.ceil(seconds / dt - 1e-9));
    }

    /** Channels after pooling {@code pool} neighbouring channels into one: ceil(channels / pool). */
    public static int pooledChannels(int channels, int pool) {
        checkPool(pool);
        return (channels + pool - 1) / pool;
    }

    /** Spike counts [step][pooled channel]. */
    public static float[][] counts(SpikeEvents events, double dt, int steps, int pool) {
        float[][] out = new float[steps][pooledChannels(events.unitCount(), pool)];
        for (int i = 0; i < events.size(); i++) {
            int step = step(events.time(i), dt);
            if (step < steps) {
                out[step][events.unit(i) / pool]++;
            }
        }
        return out;
    }

    /** Whether each pooled channel spiked at least once in each step, [step][pooled channel]. */
    public static boolean[][] spiked(SpikeEvents events, double dt, int steps, int pool) {
        boolean[][] out = new boolean[steps][pooledChannels(events.unitCount(), pool)];
        for (int i = 0; i < events.size(); i++) {
            int step = step(events.time(i), dt);
            if (step < steps) {
                out[step][events.unit(i) / pool] = true;
            }
        }
        return out;
    }

    /** The same counts as {@link #counts}, stored sparsely: only the (step, channel) cells that spiked. */
    public static SparseSpikeRaster sparse(SpikeEvents events, double dt, int steps, int pool) {
        return SparseSpikeRaster.of(events, dt, steps, pool);
    }

    /** The events with channels pooled (unit u becomes u / pool), still in time order; for event-driven engines. */
    public static SpikeEvents pooled(SpikeEvents events, int pool) {
        int[] units = events.unitsCopy();
        for (int i = 0; i < units.length; i++) {
            units[i] /= pool;
        }
        return SpikeEvents.of(events.timesCopy(), units, pooledChannels(events.unitCount(), pool),
                events.duration());
    }

    static int step(float time, double dt) {
        return (int) Math.floor(time / dt * BOUNDARY_TOLERANCE);
    }

    private static void checkPool(int pool) {
        if (pool < 1) {
            throw new IllegalArgumentException("pool must be at least 1: " + pool);
        }
    }
}
