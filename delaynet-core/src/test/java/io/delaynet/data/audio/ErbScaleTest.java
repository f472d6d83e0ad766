package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ErbScaleTest {
    @Test
    void bandwidthMatchesGlasbergAndMoore() {
        assertEquals(24.7, ErbScale.bandwidth(0), 1e-12);
        assertEquals(132.639, ErbScale.bandwidth(1000), 1e-9);
    }

    @Test
    void numberAndFrequencyAreInverse() {
        for (double hz : new double[] {50, 440, 1000, 3800}) {
            assertEquals(hz, ErbScale.frequency(ErbScale.number(hz)), 1e-9 * hz);
        }
        // About 15.6 ERBs below 1 kHz (21.4 log10 5.37).
        assertEquals(15.62, ErbScale.number(1000), 0.01);
    }

    @Test
    void centresAreEvenlySpacedInErbNumberBetweenTheEnds() {
        double[] f = ErbScale.centreFrequencies(64, 50, 3800);
        assertEquals(50, f[0], 0);
        assertEquals(3800, f[63], 0);
        double step = ErbScale.number(f[1]) - ErbScale.number(f[0]);
        for (int c = 1; c < f.length; c++) {
            assertEquals(step, ErbScale.number(f[c]) - ErbScale.number(f[c - 1]), 1e-9);
        }
        // (E(3800) - E(50)) / 63 = (26.64 - 1.84) / 63: neighbouring filters are 0.39 ERB apart and overlap.
        assertEquals(0.394, step, 0.001);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ErbScale.centreFrequencies(0, 50, 100));
        assertThrows(IllegalArgumentException.class, () -> ErbScale.centreFrequencies(4, 100, 50));
        assertThrows(IllegalArgumentException.class, () -> ErbScale.centreFrequencies(4, 0, 50));
    }
}
