package io.delaynet.event.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.data.mnist.ImageAugmentation;
import io.delaynet.data.mnist.ImageResampling;
import io.delaynet.data.mnist.MnistData;
import io.delaynet.data.mnist.PixelLatencyEncoding;
import io.delaynet.util.RandomStreams;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Augmented DelGrad inputs are the documented composition: augment the 28x28 image, crop and resize, encode. */
class AugmentedImageTimesTest {
    private static final PixelLatencyEncoding ENCODING =
            new PixelLatencyEncoding(0.15, 2.0, PixelLatencyEncoding.Brightness.BY_256, true);
    private static final ImageAugmentation SHIFT_AND_TURN = new ImageAugmentation(3, 12.0);

    /** Three 28x28 images: a bright blob on black at a different place in each. */
    private static MnistData.ImageSet images() {
        byte[] pixels = new byte[3 * 784];
        SplittableRandom r = new SplittableRandom(4);
        for (int image = 0; image < 3; image++) {
            for (int y = 6 + 3 * image; y < 18 + 2 * image; y++) {
                for (int x = 8; x < 20 - image; x++) {
                    pixels[image * 784 + y * 28 + x] = (byte) (1 + r.nextInt(255));
                }
            }
        }
        return new MnistData.ImageSet(pixels, new byte[] {1, 2, 3}, 3, 784);
    }

    @Test
    void atFullResolutionADrawIsTheAugmentedImageEncoded() {
        MnistData.ImageSet set = images();
        int[] imageOf = {2, 0}; // training sample 0 is file image 2
        AugmentedImageTimes times = new AugmentedImageTimes(set, imageOf, 28, 24, 28, SHIFT_AND_TURN, ENCODING,
                new RandomStreams(9));
        double[] out = times.apply(0, 17, new double[784], new double[784]);

        byte[] expected = new byte[784];
        SHIFT_AND_TURN.apply(set.pixels(), 2 * 784, 28, 28, times.random(0, 17), expected);
        for (int i = 0; i < 784; i++) {
            assertEquals(ENCODING.time(expected[i] & 0xFF), out[i], 0.0, "pixel " + i);
        }
        double[] clean = ENCODING.encode(set, 2);
        assertFalse(Arrays.equals(clean, out), "a shift of up to 3 pixels and a turn of up to 12 degrees changed it");
    }

    @Test
    void atSixteenTheAugmentedImageIsCroppedAndResizedLikeTheCleanSet() {
        MnistData.ImageSet set = images();
        AugmentedImageTimes times = new AugmentedImageTimes(set, new int[] {1}, 28, 24, 16, SHIFT_AND_TURN, ENCODING,
                new RandomStreams(9));
        double[] out = times.apply(0, 3, new double[256], new double[256]);

        byte[] augmented = new byte[784];
        SHIFT_AND_TURN.apply(set.pixels(), 784, 28, 28, times.random(0, 3), augmented);
        byte[] small = ImageResampling.centerCropResize(new MnistData.ImageSet(augmented, new byte[1], 1, 784), 28, 24, 16)
                .pixels();
        for (int i = 0; i < 256; i++) {
            assertEquals(ENCODING.time(small[i] & 0xFF), out[i], 0.0, "pixel " + i);
        }
    }

    @Test
    void aDrawDependsOnlyOnTheSampleAndTheBatch() {
        MnistData.ImageSet set = images();
        AugmentedImageTimes times = new AugmentedImageTimes(set, new int[] {0, 1, 2}, 28, 24, 28, SHIFT_AND_TURN, ENCODING,
                new RandomStreams(9));
        double[] a = times.apply(1, 5, null, new double[784]).clone();
        times.apply(2, 8, null, new double[784]); // other draws in between change nothing
        assertArrayEquals(a, times.apply(1, 5, null, new double[784]), 0.0);
        boolean changes = false;
        for (long batch = 6; batch < 12 && !changes; batch++) {
            changes = !Arrays.equals(a, times.apply(1, batch, null, new double[784]));
        }
        assertTrue(changes, "later batches draw other shifts and angles");
        AugmentedImageTimes otherSeed = new AugmentedImageTimes(set, new int[] {0, 1, 2}, 28, 24, 28, SHIFT_AND_TURN,
                ENCODING, new RandomStreams(10));
        assertFalse(Arrays.equals(a, otherSeed.apply(1, 5, null, new double[784])), "the run's seed selects the draws");
    }
}
