package io.delaynet.config;

import java.util.Locale;

/**
 * Refuses, before anything is allocated, a network that cannot fit: an array larger than Java
 * allows, or parameters that alone (with their gradients and optimizer state) exceed the heap. The
 * estimate is a lower bound, so it never refuses what would fit; what it lets through and still
 * runs out of memory ends in the command line's one-line out-of-memory message.
 */
public final class MemoryCheck {
    /** Copies of every parameter a training run keeps at the least: its values and its gradient. */
    public static final int COPIES_PER_PARAMETER = 2;

    private MemoryCheck() {
    }

    /**
     * The length of one array of {@code rows × columns} values, or a {@link ConfigException} naming
     * {@code what} when Java cannot hold it (more than about 2^31 values).
     */
    public static int arrayLength(long rows, long columns, String what) {
        long n = rows * columns;
        if (rows < 0 || columns < 0 || n / Math.max(1, columns) != rows || n > Integer.MAX_VALUE - 8) {
            throw new ConfigException(String.format(Locale.ROOT, "config: %s needs %d x %d = %.3g values in one array, "
                    + "more than Java allows (%d); make it smaller", what, rows, columns, (double) rows * columns,
                    Integer.MAX_VALUE - 8));
        }
        return (int) n;
    }

    /** Refuses {@code parameters} doubles (kept {@link #COPIES_PER_PARAMETER} times) that exceed the heap. */
    public static void requireHeapFor(long parameters, String what) {
        long bytes = parameters * Double.BYTES * COPIES_PER_PARAMETER;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new ConfigException(String.format(Locale.ROOT, "config: %s has %d parameters, which need at least "
                    + "%d MiB (values and gradients), but this JVM may use %d MiB; make the network "
                    + "smaller, or give Java more memory (DELAYNET_JAVA_OPTS=-Xmx%dg)", what, parameters, bytes >> 20,
                    heap >> 20, Math.max(1, (bytes >> 30) + 2)));
        }
    }

    /**
     * Refuses a time-stepped window that cannot fit: backpropagation through time records, per worker
     * thread, at least each neuron's potential and spike at every step ({@code steps × neurons × 2}
     * doubles), so a window larger than the heap fails here instead of deep inside the first batch.
     *
     * @param what the keys that set the window, for the message (e.g. "data.encoding.steps")
     */
    public static void requireHeapForWindow(long steps, long neurons, int workers, String what) {
        long values = steps * neurons * 2;
        long bytes = values * Double.BYTES * Math.max(1, workers);
        long heap = Runtime.getRuntime().maxMemory();
        if (steps > 0 && neurons > 0 && (values / neurons / 2 != steps || bytes / Double.BYTES / Math.max(1, workers) != values
                || bytes > heap)) {
            throw new ConfigException(String.format(Locale.ROOT, "config: %d steps x %d neurons (%s) need at least "
                    + "%.3g MiB for the recorded window of %d worker thread(s), but this JVM may use %d MiB; use fewer "
                    + "steps or neurons, fewer threads (training.threads), or give Java more memory (DELAYNET_JAVA_OPTS=-Xmx...)",
                    steps, neurons, what, (double) steps * neurons * 2 * Double.BYTES * Math.max(1, workers) / (1 << 20),
                    Math.max(1, workers), heap >> 20));
        }
    }
}
