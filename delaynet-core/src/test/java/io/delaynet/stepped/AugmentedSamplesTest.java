package io.delaynet.stepped;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.data.mnist.ImageAugmentation;
import io.delaynet.data.mnist.MnistData;
import io.delaynet.data.mnist.MnistVariant;
import io.delaynet.data.mnist.TrainValidationSplit;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Split;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * MNIST augmentation (random crop with padding, rotation) on synthetic 28x28 images: the same
 * (seed, epoch, image) always gives the same image, whatever was drawn before or on which thread;
 * another epoch or seed gives another; it really moves pixels; and what it does is a shift plus a
 * rotation (checked on its own parts: a crop alone is a shift by at most the padding, no padding
 * and no rotation is the identity, a 90-degree turn of a centred square image is exact).
 */
class AugmentedSamplesTest {
    private static final int SIDE = 28;
    private static final int STEPS = 3;

    private static MnistData data(int images) {
        SplittableRandom r = new SplittableRandom(1);
        byte[] pixels = new byte[images * SIDE * SIDE];
        byte[] labels = new byte[images];
        for (int n = 0; n < images; n++) {
            labels[n] = (byte) (n % 10);
            for (int y = 6; y < 22; y++) { // a blob in the middle, so shifts and turns move it, not lose it
                for (int x = 8; x < 20; x++) {
                    pixels[n * SIDE * SIDE + y * SIDE + x] = (byte) (40 + r.nextInt(216));
                }
            }
        }
        MnistData.ImageSet set = new MnistData.ImageSet(pixels, labels, images, SIDE * SIDE);
        return new MnistData(MnistVariant.parse("mnist"), set, set, Map.of());
    }

    private static MnistSamples samples(MnistData data, long seed, ImageAugmentation augmentation) {
        TrainValidationSplit split = TrainValidationSplit.last(data.train().count(), 2);
        return new MnistSamples(data, split, null, STEPS, true, 0, 0, augmentation, seed);
    }

    private static double[] image(MnistSamples s, Split split, int index) {
        SpikeEvents out = new SpikeEvents(STEPS);
        s.encode(split, index, out);
        double[] image = new double[SIDE * SIDE];
        for (int e = out.from(0); e < out.to(0); e++) {
            image[out.neuron(e)] = out.value(e);
        }
        for (int t = 1; t < STEPS; t++) { // intensity input: the same current at every step
            assertEquals(out.to(0) - out.from(0), out.to(t) - out.from(t));
        }
        return image;
    }

    @Test
    void deterministicPerSeedEpochAndImageAndIndependentOfOrder() {
        MnistData data = data(12);
        ImageAugmentation release = new ImageAugmentation(4, 15);
        MnistSamples a = samples(data, 7, release);
        MnistSamples b = samples(data, 7, release);
        a.beginEpoch(3);
        b.beginEpoch(3);
        double[] first = image(a, Split.TRAIN, 5);
        for (int k = 0; k < 10; k++) {
            image(b, Split.TRAIN, 9 - k); // another order of draws before
        }
        assertArrayEquals(first, image(b, Split.TRAIN, 5), 0.0);
        assertArrayEquals(first, image(a, Split.TRAIN, 5), 0.0, "drawing it again gives it again");
        Thread other = new Thread(() -> System.arraycopy(image(b, Split.TRAIN, 5), 0, holder, 0, holder.length));
        other.start();
        try {
            other.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertArrayEquals(first, holder, 0.0, "another thread gives the same image");
        b.beginEpoch(4);
        assertFalse(java.util.Arrays.equals(first, image(b, Split.TRAIN, 5)), "a new epoch draws anew");
        MnistSamples otherSeed = samples(data, 8, release);
        otherSeed.beginEpoch(3);
        assertFalse(java.util.Arrays.equals(first, image(otherSeed, Split.TRAIN, 5)), "another seed draws anew");
    }

    private final double[] holder = new double[SIDE * SIDE];

    @Test
    void changesTrainingImagesButNeverEvaluationImages() {
        MnistData data = data(12);
        MnistSamples plain = samples(data, 7, new ImageAugmentation(0, 0));
        MnistSamples augmented = samples(data, 7, new ImageAugmentation(4, 15));
        int changed = 0;
        for (int k = 0; k < 10; k++) {
            if (!java.util.Arrays.equals(image(plain, Split.TRAIN, k), image(augmented, Split.TRAIN, k))) {
                changed++;
            }
        }
        assertTrue(changed >= 9, "only " + changed + " of 10 training images changed");
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(image(plain, Split.VALIDATION, k), image(augmented, Split.VALIDATION, k), 0.0);
        }
        assertArrayEquals(image(plain, Split.TEST, 3), image(augmented, Split.TEST, 3), 0.0);
    }

    @Test
    void cropIsAShiftByAtMostThePaddingAndNothingIsTheIdentity() {
        byte[] source = data(1).train().pixels();
        byte[] out = new byte[SIDE * SIDE];
        new ImageAugmentation(0, 0).apply(source, 0, SIDE, SIDE, new SplittableRandom(1), out);
        assertArrayEquals(source, out);
        int shiftsSeen = 0;
        for (long seed = 0; seed < 20; seed++) {
            new ImageAugmentation(3, 0).apply(source, 0, SIDE, SIDE, new SplittableRandom(seed), out);
            SplittableRandom again = new SplittableRandom(seed);
            int dx = again.nextInt(7) - 3;
            int dy = again.nextInt(7) - 3;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int sx = x + dx;
                    int sy = y + dy;
                    byte expected = sx >= 0 && sx < SIDE && sy >= 0 && sy < SIDE ? source[sy * SIDE + sx] : 0;
                    assertEquals(expected, out[y * SIDE + x]);
                }
            }
            shiftsSeen += dx != 0 || dy != 0 ? 1 : 0;
        }
        assertTrue(shiftsSeen > 10);
    }

    @Test
    void aQuarterTurnOfTheImageIsExact() {
        byte[] source = data(1).train().pixels();
        byte[] out = new byte[SIDE * SIDE];
        // the angle is degrees * (2u - 1) for the stream's first double u: choose degrees so that it is +-90
        SplittableRandom probe = new SplittableRandom(11);
        double u = probe.nextDouble();
        double degrees = 90 / Math.abs(2 * u - 1); // angle = degrees (2u - 1) = +-90 exactly (to rounding)
        new ImageAugmentation(0, degrees).apply(source, 0, SIDE, SIDE, new SplittableRandom(11), out);
        boolean positive = 2 * u - 1 > 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                // out(x, y) = source at the inverse rotation of (x, y) about the centre
                int sx = positive ? y : SIDE - 1 - y;
                int sy = positive ? SIDE - 1 - x : x;
                assertEquals(source[sy * SIDE + sx], out[y * SIDE + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void theFlipMirrorsHalfTheImagesAndLeavesTheCropsAndAnglesAsTheyWere() {
        byte[] source = data(1).train().pixels();
        byte[] plain = new byte[SIDE * SIDE];
        byte[] flipped = new byte[SIDE * SIDE];
        int mirrored = 0;
        for (long seed = 0; seed < 200; seed++) {
            new ImageAugmentation(3, 10).apply(source, 0, SIDE, SIDE, new SplittableRandom(seed), plain);
            new ImageAugmentation(3, 10, true).apply(source, 0, SIDE, SIDE, new SplittableRandom(seed), flipped);
            // the fourth draw of the same stream decides the mirror (after the two offsets and the angle)
            SplittableRandom again = new SplittableRandom(seed);
            again.nextInt(7);
            again.nextInt(7);
            again.nextDouble();
            boolean mirror = again.nextBoolean();
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    byte expected = plain[y * SIDE + (mirror ? SIDE - 1 - x : x)];
                    assertEquals(expected, flipped[y * SIDE + x], "seed " + seed + " pixel " + x + "," + y);
                }
            }
            mirrored += mirror ? 1 : 0;
        }
        assertTrue(mirrored > 70 && mirrored < 130, mirrored + " of 200 mirrored");
        assertFalse(java.util.Arrays.equals(source, mirror(source)), "the random blob is not symmetric: a mirror shows");
        assertTrue(new ImageAugmentation(0, 0, true).active());
    }

    private static byte[] mirror(byte[] image) {
        byte[] out = new byte[image.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                out[y * SIDE + x] = image[y * SIDE + SIDE - 1 - x];
            }
        }
        return out;
    }
}
