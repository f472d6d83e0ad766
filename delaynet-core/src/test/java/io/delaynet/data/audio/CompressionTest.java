package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CompressionTest {
    @Test
    void fastCubeRootIsWithinTwoTenthsOfAMillionthOfMathCbrt() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            float x = (float) Math.pow(10, -12 + 14 * random.nextDouble());
            double exact = Math.cbrt(x);
            worst = Math.max(worst, Math.abs(FastCubeRoot.of(x) - exact) / exact);
        }
        assertTrue(worst < 2e-7, "worst relative error " + worst);
    }

    @Test
    void bothCompressionsRectifyAndMapFullScaleToOne() {
        for (Compression c : Compression.values()) {
            assertEquals(0f, c.apply(0f), c.name());
            assertEquals(0f, c.apply(-0.7f), c.name());
            assertEquals(1f, c.apply(1f), 1e-6, c.name());
            assertTrue(c.apply(0.01f) > 0.01f * 10, c.name() + " lifts quiet input");
        }
        assertEquals(0.1f, Compression.CUBE_ROOT.apply(0.001f), 1e-6);
    }

    @Test
    void vectorRectifyCompressIsBitIdenticalToScalar() {
        Assumptions.assumeTrue(KernelKind.VECTOR.available(), "Vector API module not present");
        SplittableRandom random = new SplittableRandom(11);
        float[] motion = new float[1003];
        for (int i = 0; i < motion.length; i++) {
            motion[i] = (float) ((random.nextDouble() - 0.5) * Math.pow(10, -8 * random.nextDouble()));
        }
        motion[0] = 0f;
        motion[1] = -0f;
        motion[2] = 1e-35f; // below the floor
        for (Compression c : Compression.values()) {
            float[] scalar = new float[motion.length];
            float[] vector = new float[motion.length];
            KernelKind.SCALAR.create().rectifyCompress(c, motion, scalar);
            KernelKind.VECTOR.create().rectifyCompress(c, motion, vector);
            assertArrayEquals(scalar, vector, 0f, c.name());
        }
    }
}
