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
}
