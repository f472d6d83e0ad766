package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SpikeBinningTest {
    // unit:   0      1      1      3      2      3     (4 units), dt = 0.01
    // time:   0.0    0.004  0.009  0.01   0.025  0.05
    private final SpikeEvents events = SpikeEvents.of(new float[] {0f, 0.004f, 0.009f, 0.01f, 0.025f, 0.05f},
            new int[] {0, 1, 1, 3, 2, 3}, 4, 0.06f);

    @Test
    void countsPerStepAndChannel() {
        float[][] c = SpikeBinning.counts(events, 0.01, 6, 1);
        assertArrayEquals(new float[] {1, 2, 0, 0}, c[0]);
        assertArrayEquals(new float[] {0, 0, 0, 1}, c[1], "a spike on a boundary opens the later step");
        assertArrayEquals(new float[] {0, 0, 1, 0}, c[2]);
        assertArrayEquals(new float[] {0, 0, 0, 1}, c[5]);
    }

    @Test
    void eventsPastTheWindowAreDropped() {
        float[][] c = SpikeBinning.counts(events, 0.01, 3, 1);
        assertEquals(3, c.length);
        float total = 0;
        for (float[] row : c) {
            for (float v : row) {
                total += v;
            }
        }
        assertEquals(5, total);
    }

    @Test
    void poolingSumsNeighbouringChannels() {
        float[][] c = SpikeBinning.counts(events, 0.01, 6, 3);
        assertEquals(2, c[0].length);
        assertArrayEquals(new float[] {3, 0}, c[0]);
        assertArrayEquals(new float[] {0, 1}, c[1]);
        SpikeEvents pooled = SpikeBinning.pooled(events, 2);
        assertEquals(2, pooled.unitCount());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, pooled.unitsCopy());
        assertArrayEquals(events.timesCopy(), pooled.timesCopy());
    }

    @Test
    void spikedMarksNonZeroCounts() {
        boolean[][] s = SpikeBinning.spiked(events, 0.01, 6, 1);
        assertTrue(s[0][1]);
        assertFalse(s[0][2]);
        assertTrue(s[5][3]);
    }

    @Test
    void encoderSpikeTimesOnBoundariesOpenTheLaterStep() {
        // Spike times n / 8000 as float: every 80th sample is exactly on a 10 ms boundary.
        for (int n = 0; n < 8000; n += 80) {
            SpikeEvents e = SpikeEvents.of(new float[] {n / 8000f}, new int[] {0}, 1, 1f);
            assertEquals(1f, SpikeBinning.counts(e, 0.01, 100, 1)[n / 80][0], "sample " + n);
        }
        SpikeEvents before = SpikeEvents.of(new float[] {79 / 8000f}, new int[] {0}, 1, 1f);
        assertEquals(1f, SpikeBinning.counts(before, 0.01, 2, 1)[0][0], "one sample before the boundary");
    }

    @Test
    void stepsToCoverRoundsUpButNotForExactMultiples() {
        assertEquals(100, SpikeBinning.stepsToCover(1.0, 0.01));
        assertEquals(101, SpikeBinning.stepsToCover(1.001, 0.01));
        assertEquals(1, SpikeBinning.stepsToCover(0, 0.01));
    }

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sparseRasterEqualsDenseCounts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int units = 1 + random.nextInt(40);
        int n = random.nextInt(300);
        float[] t = new float[n];
        int[] u = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(200) * 0.001f; // many exact ties
            u[i] = random.nextInt(units);
        }
        SpikeEvents e = SpikeEvents.of(t, u, units, 0.2f);
        double dt = 0.001 + random.nextDouble() * 0.02;
        int steps = 1 + random.nextInt(60);
        int pool = 1 + random.nextInt(4);
        SparseSpikeRaster sparse = SpikeBinning.sparse(e, dt, steps, pool);
        float[][] dense = SpikeBinning.counts(e, dt, steps, pool);
        assertEquals(dense.length, sparse.steps());
        for (int s = 0; s < steps; s++) {
            assertArrayEquals(dense[s], sparse.toDense()[s], "step " + s);
            for (int k = sparse.rowStart(s) + 1; k < sparse.rowStart(s + 1); k++) {
                assertTrue(sparse.channel(k - 1) < sparse.channel(k), "channels ascend within a step");
            }
        }
    }
}
