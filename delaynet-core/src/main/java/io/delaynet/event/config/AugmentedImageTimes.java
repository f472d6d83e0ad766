package io.delaynet.event.config;

import io.delaynet.data.mnist.ImageAugmentation;
import io.delaynet.data.mnist.ImageResampling;
import io.delaynet.data.mnist.MnistData;
import io.delaynet.data.mnist.PixelLatencyEncoding;
import io.delaynet.event.InputAugmentation;
import io.delaynet.util.RandomStreams;
import java.util.SplittableRandom;

/**
 * DelGrad's augmented training images: each draw shifts and rotates the sample's original image
 * ({@link ImageAugmentation}), then, for the authors' 16x16 set, crops and resizes the result as the
 * clean set was made, and encodes it to one spike time per pixel. The shift therefore moves the digit
 * within the 28x28 frame before the crop, as it would move it on paper.
 *
 * <p>The random stream of a draw is ("augment", batch, sample) of the run's seed, so what a sample
 * becomes depends only on the batch count and the sample, never on the thread.
 */
final class AugmentedImageTimes implements InputAugmentation {
    private final MnistData.ImageSet images;
    private final int[] imageOf;
    private final int side;
    private final int crop;
    private final int resolution;
    private final ImageAugmentation augmentation;
    private final PixelLatencyEncoding encoding;
    private final RandomStreams streams;

    /**
     * @param images       the training file at its own resolution ({@code side x side})
     * @param imageOf      for each training sample, its image in {@code images}
     * @param crop         the centre crop before resizing to {@code resolution}; unused when it equals {@code side}
     * @param resolution   the side of the encoded image ({@code side} for no resize)
     */
    AugmentedImageTimes(MnistData.ImageSet images, int[] imageOf, int side, int crop, int resolution,
                        ImageAugmentation augmentation, PixelLatencyEncoding encoding, RandomStreams streams) {
        if (side * side != images.imageSize()) {
            throw new IllegalArgumentException("images hold " + images.imageSize() + " pixels, not " + side + "x" + side);
        }
        this.images = images;
        this.imageOf = imageOf.clone();
        this.side = side;
        this.crop = crop;
        this.resolution = resolution;
        this.augmentation = augmentation;
        this.encoding = encoding;
        this.streams = streams;
    }

    @Override
    public boolean active() {
        return augmentation.active();
    }

    @Override
    public double[] apply(int sample, long batch, double[] clean, double[] out) {
        byte[] pixels = new byte[side * side];
        augmentation.apply(images.pixels(), imageOf[sample] * images.imageSize(), side, side, random(sample, batch),
                pixels);
        if (resolution != side) {
            MnistData.ImageSet one = new MnistData.ImageSet(pixels, new byte[1], 1, side * side);
            pixels = ImageResampling.centerCropResize(one, side, crop, resolution).pixels();
        }
        for (int i = 0; i < pixels.length; i++) {
            out[i] = encoding.time(pixels[i] & 0xFF);
        }
        return out;
    }

    /** The stream that augments training sample {@code sample} when it is drawn in batch {@code batch}. */
    SplittableRandom random(int sample, long batch) {
        return streams.stream("augment", (batch << 32) ^ sample);
    }
}
