package io.delaynet.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PixelLatencyEncodingTest {

    @Test
    void whiteSpikesEarlyBlackLateOrNever() {
        PixelLatencyEncoding sixteen = new PixelLatencyEncoding(0.15, 2.0, PixelLatencyEncoding.Brightness.BY_255_FLOAT, true);
        assertEquals(0.15, sixteen.time(255), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, sixteen.time(0));
        PixelLatencyEncoding full = new PixelLatencyEncoding(0.15, 2.0, PixelLatencyEncoding.Brightness.BY_256, false);
        assertEquals(2.0, full.time(0), 0.0);
        // the authors' 28x28 loader divides by 256: white spikes a little after early
        assertEquals(0.15 + 1.85 / 256, full.time(255), 1e-15);
        for (int b = 1; b < 256; b++) {
            assertTrue(full.time(b) < full.time(b - 1), "brighter is earlier at " + b);
        }
    }

    @Test
    void sixteenBySixteenUsesSinglePrecisionBrightness() {
        PixelLatencyEncoding e = new PixelLatencyEncoding(0.15, 2.0, PixelLatencyEncoding.Brightness.BY_255_FLOAT, false);
        double p = (double) (128 / 255f);
        assertEquals(0.15 + (p * -1.0 + 1.0) * 1.85, e.time(128), 0.0);
    }

    @Test
    void encodesAnImageRowMajor() {
        byte[] pixels = {0, (byte) 255, 10, 20};
        MnistData.ImageSet set = new MnistData.ImageSet(pixels, new byte[] {3}, 1, 4);
        PixelLatencyEncoding e = new PixelLatencyEncoding(0.0, 1.0, PixelLatencyEncoding.Brightness.BY_256, true);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, e.time(255), e.time(10), e.time(20)}, e.encode(set, 0));
    }

    @Test
    void rejectsLateBeforeEarly() {
        assertThrows(IllegalArgumentException.class,
                () -> new PixelLatencyEncoding(2.0, 0.15, PixelLatencyEncoding.Brightness.BY_256, false));
    }
}
