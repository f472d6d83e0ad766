package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * What a piece of code allocates on the heap, as the JVM counts it for the running thread, and the
 * check that a memory estimate bounds it from above without being far off.
 */
public final class Allocations {
    private Allocations() {
    }

    /** The bytes this thread allocated while {@code action} ran (what it returns is closed afterwards if it can be). */
    public static long of(Supplier<?> action) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes per thread");
        close(action.get()); // once to load and initialise the classes, whose metadata is not what is estimated
        long before = threads.getCurrentThreadAllocatedBytes();
        Object made = action.get();
        long after = threads.getCurrentThreadAllocatedBytes();
        close(made);
        return after - before;
    }

    private static void close(Object made) {
        if (made instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Asserts that {@code estimate} is at least what {@code action} allocates and at most
     * {@code slack} times it (an upper bound that is still a measure).
     */
    public static void bounds(long estimate, Supplier<?> action, double slack, String what) {
        long measured = of(action);
        assertTrue(estimate >= measured, what + ": the estimate " + estimate + " B is below the " + measured
                + " B allocated");
        assertTrue(estimate <= slack * measured, what + ": the estimate " + estimate + " B is more than " + slack
                + " times the " + measured + " B allocated");
    }
}
