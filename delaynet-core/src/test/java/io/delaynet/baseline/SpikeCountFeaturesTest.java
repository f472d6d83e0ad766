package io.delaynet.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delaynet.data.audio.SpikeEvents;
import org.junit.jupiter.api.Test;

class SpikeCountFeaturesTest {
    @Test
    void logCountsBinMajorWithPooling() {
        SpikeEvents e = SpikeEvents.of(new float[] {0.01f, 0.02f, 0.03f, 0.07f, 0.5f},
                new int[] {0, 1, 3, 2, 0}, 4, 0.6f);
        SpikeCountFeatures f = new SpikeCountFeatures(0.05, 2, 2);
        assertEquals(4, f.size(4));
        double[] v = f.of(e);
        // bin 0: pooled channel 0 has 2 spikes, channel 1 has 1; bin 1: channel 1 has 1; t = 0.5 is past the window.
        assertArrayEquals(new double[] {Math.log(3), Math.log(2), 0, Math.log(2)}, v, 1e-12);
    }
}
