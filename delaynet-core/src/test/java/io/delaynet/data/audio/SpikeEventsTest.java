package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SpikeEventsTest {
    @Test
    void sortsByTimeThenUnit() {
        SpikeEvents e = SpikeEvents.of(new float[] {0.3f, 0.1f, 0.3f, 0.1f}, new int[] {2, 4, 0, 1}, 5, 0.5f);
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.3f, 0.3f}, e.timesCopy());
        assertArrayEquals(new int[] {1, 4, 0, 2}, e.unitsCopy());
        assertArrayEquals(new int[] {1, 1, 1, 0, 1}, e.countsPerUnit());
    }

    @Test
    void sortsLargeShuffledInputsWithManyTies() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 5000;
        float[] t = new float[n];
        int[] u = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(50) / 100f;
            u[i] = random.nextInt(8);
        }
        SpikeEvents e = SpikeEvents.of(t, u, 8, 1f);
        for (int i = 1; i < n; i++) {
            assertTrue(e.time(i - 1) < e.time(i) || (e.time(i - 1) == e.time(i) && e.unit(i - 1) <= e.unit(i)), "at " + i);
        }
        assertEquals(n, Arrays.stream(e.countsPerUnit()).sum());
    }

    @Test
    void copiesItsInputs() {
        float[] t = {0.1f};
        int[] u = {0};
        SpikeEvents e = SpikeEvents.of(t, u, 1, 1f);
        t[0] = 0.9f;
        u[0] = 5;
        assertEquals(0.1f, e.time(0));
        assertEquals(0, e.unit(0));
    }

    @Test
    void equalityIsByContent() {
        SpikeEvents a = SpikeEvents.of(new float[] {0.1f, 0.2f}, new int[] {0, 1}, 2, 1f);
        SpikeEvents b = SpikeEvents.of(new float[] {0.2f, 0.1f}, new int[] {1, 0}, 2, 1f);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, SpikeEvents.of(new float[] {0.1f, 0.2f}, new int[] {0, 1}, 3, 1f));
    }

    @Test
    void rejectsInconsistentEvents() {
        assertThrows(IllegalArgumentException.class, () -> SpikeEvents.of(new float[2], new int[1], 1, 1f));
        assertThrows(IllegalArgumentException.class, () -> SpikeEvents.of(new float[1], new int[] {3}, 3, 1f));
        assertThrows(IllegalArgumentException.class, () -> SpikeEvents.of(new float[] {-0.1f}, new int[1], 1, 1f));
        assertThrows(IllegalArgumentException.class, () -> SpikeEvents.of(new float[] {Float.NaN}, new int[1], 1, 1f));
        assertThrows(IllegalArgumentException.class, () -> SpikeEvents.of(new float[] {2f}, new int[1], 1, 1f));
    }
}
