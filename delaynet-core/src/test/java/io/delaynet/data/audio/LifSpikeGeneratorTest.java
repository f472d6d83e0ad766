package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LifSpikeGeneratorTest {
    private static final CochleaSettings SETTINGS =
            new CochleaSettings(8000, 1, 100, 100, Compression.CUBE_ROOT, 1.0, 0.005, 0.001);

    @Test
    void driveBelowThresholdNeverFires() {
        assertEquals(0, spikes(0.99f, 8000).size());
    }

    @Test
    void constantDriveFiresAtTheLifRate() {
        float drive = 2f;
        SpikeEvents e = spikes(drive, 8000);
        // Interval = refractory + time for v to climb from 0 to 1 towards 2: τ ln(2 / (2 - 1)), rounded up to samples.
        double climb = Math.ceil(0.005 * Math.log(drive / (drive - 1)) * 8000) / 8000;
        double interval = 0.001 + climb;
        assertEquals(1 / interval, e.size(), 2);
        for (int i = 1; i < e.size(); i++) {
            assertEquals(interval, e.time(i) - e.time(i - 1), 1.5 / 8000, "interval " + i);
        }
    }

    @Test
    void refractoryPeriodBoundsTheRate() {
        SpikeEvents e = spikes(1e6f, 8000);
        for (int i = 1; i < e.size(); i++) {
            assertTrue(e.time(i) - e.time(i - 1) >= 0.001, "interval " + i);
        }
        assertTrue(e.size() > 800, "fires near 1/refractory: " + e.size());
    }

    private static SpikeEvents spikes(float drive, int samples) {
        LifSpikeGenerator lif = new LifSpikeGenerator(SETTINGS);
        LifSpikeGenerator.State state = lif.newState(1);
        SpikeEvents.Builder out = new SpikeEvents.Builder(1);
        for (int n = 0; n < samples; n++) {
            lif.step(state, new float[] {drive}, n, out);
        }
        return out.build(samples / 8000f);
    }
}
