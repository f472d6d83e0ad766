package io.delaynet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A network too large for one Java array or for the heap is refused before anything is allocated. */
class MemoryCheckTest {
    @Test
    void anArrayBeyondJavasLimitIsRefusedInsteadOfOverflowing() {
        assertEquals(12, MemoryCheck.arrayLength(4, 3, "x"));
        ConfigException e = assertThrows(ConfigException.class, () -> MemoryCheck.arrayLength(4, 2_000_000_000, "layer"));
        assertTrue(e.getMessage().startsWith("config: layer needs 4 x 2000000000 = 8.00e+09 values in one array, more "
                + "than Java allows"), e.getMessage());
        assertThrows(ConfigException.class, () -> MemoryCheck.arrayLength(3_000_000_000L, 3_000_000_000L, "layer"));
    }

    @Test
    void parametersBeyondTheHeapAreRefusedWithTheNumbers() {
        MemoryCheck.requireHeapFor(1000, "small");
        long tooMany = Runtime.getRuntime().maxMemory() / Double.BYTES;
        ConfigException e = assertThrows(ConfigException.class, () -> MemoryCheck.requireHeapFor(tooMany, "the network"));
        assertTrue(e.getMessage().contains("but this JVM may use " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB"),
                e.getMessage());
    }

    @Test
    void aTimeSteppedWindowBeyondTheHeapIsRefusedNamingItsKeys() {
        MemoryCheck.requireHeapForWindow(100, 138, 2, "steps");
        long heap = Runtime.getRuntime().maxMemory();
        long steps = heap / Double.BYTES / 2 / 810 + 1; // one worker's window alone exceeds the heap
        MemoryCheck.requireHeapForWindow(steps / 4, 810, 1, "steps"); // a quarter of it fits
        ConfigException e = assertThrows(ConfigException.class,
                () -> MemoryCheck.requireHeapForWindow(steps, 810, 1, "data.encoding.steps"));
        assertTrue(e.getMessage().startsWith("config: " + steps + " steps x 810 neurons (data.encoding.steps) need"),
                e.getMessage());
        assertTrue(e.getMessage().contains("this JVM may use " + (heap >> 20) + " MiB"), e.getMessage());
        // two workers need twice the window: what fits once does not fit on every thread
        assertThrows(ConfigException.class, () -> MemoryCheck.requireHeapForWindow(steps / 2 + 1, 810, 2, "steps"));
        assertThrows(ConfigException.class, () -> MemoryCheck.requireHeapForWindow(Long.MAX_VALUE / 3, 810, 1, "steps"));
    }
}
