package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.util.RandomStreams;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InputNoiseTest {
    private final InputNoise noise = new InputNoise(0.3, new RandomStreams(5));

    @Test
    void sameBatchAndSampleSameDrawsOtherwiseFresh() {
        double[] in = new double[50];
        Arrays.fill(in, 1.0);
        double[] a = noise.apply(in, 3, 7, new double[50]);
        double[] b = noise.apply(in, 3, 7, new double[50]);
        assertArrayEquals(a, b, 0.0);
        assertFalse(Arrays.equals(a, noise.apply(in, 4, 7, new double[50])), "next batch draws afresh");
        assertFalse(Arrays.equals(a, noise.apply(in, 3, 8, new double[50])), "each sample its own draws");
    }

    @Test
    void silentInputsStaySilentAndNegativeTimesAreReflected() {
        double[] in = new double[2000];
        Arrays.fill(in, 0.05);
        in[0] = Double.POSITIVE_INFINITY;
        double[] out = noise.apply(in, 0, 0, new double[in.length]);
        assertEquals(Double.POSITIVE_INFINITY, out[0]);
        double sum = 0;
        double sq = 0;
        for (int i = 1; i < out.length; i++) {
            assertTrue(out[i] >= 0, "reflected at 0: " + out[i]);
            sum += out[i];
        }
        // |0.05 + N(0, 0.3^2)| has mean about 0.243
        assertEquals(0.243, sum / (out.length - 1), 0.02);
        double[] wide = new double[4000];
        Arrays.fill(wide, 10.0);
        double[] w = noise.apply(wide, 1, 1, new double[wide.length]);
        for (double v : w) {
            sq += (v - 10) * (v - 10);
        }
        assertEquals(0.3, Math.sqrt(sq / w.length), 0.02);
    }

    @Test
    void zeroNoiseIsOff() {
        assertFalse(InputNoise.NONE.active());
        assertTrue(noise.active());
    }
}
