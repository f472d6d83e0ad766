package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CochleaEncoderTest {
    private final CochleaEncoder encoder = new CochleaEncoder(CochleaSettings.DEFAULT);

    @Test
    void toneExcitesTheChannelsTunedToIt() {
        SpikeEvents e = encoder.encode(tone(1000, 0.5, 0.4));
        int[] counts = e.countsPerUnit();
        int busiest = 0;
        for (int c = 1; c < counts.length; c++) {
            busiest = counts[c] > counts[busiest] ? c : busiest;
        }
        double f = encoder.filterbank().centreFrequency(busiest);
        assertTrue(Math.abs(ErbScale.number(f) - ErbScale.number(1000)) < 1.5, "busiest channel at " + f + " Hz");
        // Far channels respond only to the click of the tone's onset.
        assertTrue(counts[0] < counts[busiest] / 20, "50 Hz channel nearly silent: " + counts[0]);
        assertTrue(counts[63] < counts[busiest] / 20, "3.8 kHz channel nearly silent: " + counts[63]);
    }

    @Test
    void silenceGivesNoSpikes() {
        assertEquals(0, encoder.encode(AudioClip.of(8000, new float[4000])).size());
    }

    @Test
    void eventsAreOrderedAndInsideTheRecording() {
        AudioClip clip = GammatoneFilterbankTest.noise(5, 3000);
        SpikeEvents e = encoder.encode(clip);
        assertTrue(e.size() > 1000, "noise excites every channel: " + e.size());
        assertEquals(64, e.unitCount());
        assertEquals((float) clip.duration(), e.duration());
        for (int i = 1; i < e.size(); i++) {
            assertTrue(e.time(i - 1) < e.time(i) || (e.time(i - 1) == e.time(i) && e.unit(i - 1) < e.unit(i)));
        }
        assertTrue(e.time(e.size() - 1) < clip.duration());
    }

    @Test
    void outputIsDeterministicAndKernelIndependent() {
        AudioClip clip = GammatoneFilterbankTest.noise(9, 4000);
        SpikeEvents first = encoder.encode(clip);
        assertEquals(first, encoder.encode(clip));
        Assumptions.assumeTrue(KernelKind.VECTOR.available(), "Vector API module not present");
        assertEquals(new CochleaEncoder(CochleaSettings.DEFAULT, KernelKind.SCALAR).encode(clip),
                new CochleaEncoder(CochleaSettings.DEFAULT, KernelKind.VECTOR).encode(clip));
    }

    @Test
    void levelIsNormalisedAway() {
        int[] loud = encoder.encode(tone(700, 0.3, 0.9)).countsPerUnit();
        int[] quiet = encoder.encode(tone(700, 0.3, 0.05)).countsPerUnit();
        int total = Arrays.stream(loud).sum();
        int difference = 0;
        for (int c = 0; c < loud.length; c++) {
            difference += Math.abs(loud[c] - quiet[c]);
        }
        assertTrue(total > 100 && difference <= total / 50, "loud " + total + ", differing by " + difference);
    }

    @Test
    void wrongSampleRateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(AudioClip.of(16000, new float[10])));
    }

    private static AudioClip tone(double hz, double seconds, double amplitude) {
        short[] pcm = TestWav.tone(8000, hz, amplitude, seconds);
        return WavReader.parse(TestWav.pcm16(8000, pcm), "tone");
    }
}
