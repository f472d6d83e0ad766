package io.delaynet.config;

import java.util.Locale;

/**
 * Refuses, before training starts, what cannot fit in the heap. Two checks: early ones
 * ({@link #arrayLength}, {@link #requireHeapFor}, {@link #requireHeapForWindow}) on numbers read
 * from the configuration alone, lower bounds that stop the absurd before the network is even
 * allocated; and {@link #requireHeapForTraining}, an upper bound on everything training adds to the
 * heap once the network and the data are loaded: the trainer's workspaces (one per chunk of a batch,
 * each with its recorded window, delay buffers, traces and gradient accumulators), the batch
 * gradient, the optimizer state and the best-epoch copy. Every array is counted with its header
 * ({@link #doubles}, {@link #ints}), so the bound holds for what the constructors allocate; what a
 * worker grows on the way (spike lists) is counted at its worst case.
 */
public final class MemoryCheck {
    /** Copies of every parameter a training run keeps at the least: its values and its gradient. */
    public static final int COPIES_PER_PARAMETER = 2;

    /**
     * Part of the free heap that training may fill: the rest is left to the garbage of a batch
     * (per-sample scratch, the checkpoint being written) and to the collector's region rounding
     * (G1 gives every array larger than half a region whole regions).
     */
    public static final double USABLE_FRACTION = 0.85;

    private MemoryCheck() {
    }

    /** Bytes of a Java array of {@code n} doubles (or longs): a 16-byte header, then 8 bytes each. */
    public static long doubles(long n) {
        return 16 + 8 * n;
    }

    /** Bytes of a Java array of {@code n} ints, with its header, rounded up to 8 as the JVM lays it out. */
    public static long ints(long n) {
        return (16 + 4 * n + 7) & ~7L;
    }

    /** Bytes of a Java array of {@code n} booleans, with its header, rounded up to 8. */
    public static long booleans(long n) {
        return (16 + n + 7) & ~7L;
    }

    /** Bytes of an array of {@code n} references (compressed or not: 8 each is the larger). */
    public static long references(long n) {
        return 16 + 8 * n;
    }

    /**
     * Heap this JVM can still give: the maximum less what is in use now (the network and the data
     * already loaded). When that looks too small for {@code needed}, the garbage is collected once
     * and the figure taken again, so that garbage left by loading does not refuse a run that fits.
     */
    public static long freeHeap(long needed) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free * USABLE_FRACTION) {
            System.gc();
            free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        return free;
    }

    /**
     * Refuses training that needs more than {@link #USABLE_FRACTION} of the free heap.
     *
     * @param bytes   the upper bound of what training allocates from now on
     * @param details what the bound is made of, for the message (e.g. "8 workspaces of 37.5 MiB")
     * @param fix     the keys that make it smaller, for the message
     */
    public static void requireHeapForTraining(long bytes, String details, String fix) {
        long free = freeHeap(bytes);
        if (bytes > free * USABLE_FRACTION) {
            long heap = Runtime.getRuntime().maxMemory();
            long wanted = heap - free + (long) (bytes / USABLE_FRACTION);
            throw new ConfigException(String.format(Locale.ROOT, "config: training needs up to %.1f MiB (%s), but "
                    + "this JVM has %.1f MiB free of %d MiB and keeps %d%% of it for training; %s, or give Java more "
                    + "memory (DELAYNET_JAVA_OPTS=-Xmx%dm)", mib(bytes), details, mib(free), heap >> 20,
                    Math.round(USABLE_FRACTION * 100), fix, (wanted >> 20) + 64));
        }
    }

    /** Bytes as MiB, for messages. */
    public static double mib(long bytes) {
        return bytes / (double) (1 << 20);
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
     * Refuses, before the network is built, a time-stepped window that cannot fit: backpropagation
     * through time records, in each of the trainer's workspaces, at least each neuron's potential and
     * spike at every step ({@code steps × neurons × 2} doubles; the full count, about nine per step
     * and neuron, is {@link #requireHeapForTraining}'s once the network exists).
     *
     * @param workers the workspaces the trainer keeps (its chunks per batch, not the threads)
     * @param what    the keys that set the window, for the message (e.g. "data.encoding.steps")
     */
    public static void requireHeapForWindow(long steps, long neurons, int workers, String what) {
        long values = steps * neurons * 2;
        long bytes = values * Double.BYTES * Math.max(1, workers);
        long heap = Runtime.getRuntime().maxMemory();
        if (steps > 0 && neurons > 0 && (values / neurons / 2 != steps || bytes / Double.BYTES / Math.max(1, workers) != values
                || bytes > heap)) {
            throw new ConfigException(String.format(Locale.ROOT, "config: %d steps x %d neurons (%s) need at least "
                    + "%.3g MiB for the recorded windows of the trainer's %d workspaces, but this JVM may use %d MiB; use fewer "
                    + "steps or neurons, or give Java more memory (DELAYNET_JAVA_OPTS=-Xmx...)",
                    steps, neurons, what, (double) steps * neurons * 2 * Double.BYTES * Math.max(1, workers) / (1 << 20),
                    Math.max(1, workers), heap >> 20));
        }
    }
}
