package io.delaynet.stepped;

import io.delaynet.data.mnist.ImageAugmentation;
import io.delaynet.data.mnist.IntensityNormalisation;
import io.delaynet.data.mnist.LatencyEncoder;
import io.delaynet.data.mnist.MnistData;
import io.delaynet.data.mnist.TrainValidationSplit;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Split;
import io.delaynet.util.RandomStreams;

/**
 * MNIST-layout images as input events: latency-coded spikes, or (the NA release's input) the
 * intensity {@code byte / 255} of every non-black pixel as an input current at every step, optionally
 * standardised by a mean and std ({@link IntensityNormalisation}; then every pixel drives). Images
 * stay as bytes and are encoded when a sample is drawn: encoding costs a pass over 784 bytes, far
 * less than the network, and keeps memory at the size of the raw data set.
 *
 * <p>Training images can be augmented ({@link ImageAugmentation}); the random stream of an image
 * is ("augment", epoch) of the seed, split by the image's index in the training file, so the
 * result depends on the seed, the epoch and the image only, never on the order or thread.
 * Validation and test images are never augmented.
 */
public final class MnistSamples implements SampleSource {
    private final MnistData data;
    private final TrainValidationSplit split;
    private final LatencyEncoder encoder;
    private final int steps;
    private final boolean intensity;
    private final double[] currentOfByte; // intensity input: the current of each pixel byte
    private final int trainLimit;
    private final int evalLimit;
    private final ImageAugmentation augmentation;
    private final long augmentSeed;
    private final ThreadLocal<byte[]> scratch;
    private volatile int epoch;

    /**
     * @param trainLimit use only the first N training samples (0 = all)
     * @param evalLimit  use only the first N validation and test samples (0 = all)
     */
    public MnistSamples(MnistData data, TrainValidationSplit split, LatencyEncoder encoder, int trainLimit,
                        int evalLimit) {
        this(data, split, encoder, 0, false, trainLimit, evalLimit, new ImageAugmentation(0, 0), 0);
    }

    /**
     * @param encoder      the latency code (ignored when {@code intensity})
     * @param steps        the window: every step gets the intensities when {@code intensity}
     * @param augmentation applied to training images; {@code augmentSeed} seeds it
     */
    public MnistSamples(MnistData data, TrainValidationSplit split, LatencyEncoder encoder, int steps,
                        boolean intensity, int trainLimit, int evalLimit, ImageAugmentation augmentation,
                        long augmentSeed) {
        this(data, split, encoder, steps, intensity, IntensityNormalisation.NONE, trainLimit, evalLimit, augmentation,
                augmentSeed);
    }

    /** @param normalisation applied to the intensity input ({@link IntensityNormalisation#NONE}: byte / 255) */
    public MnistSamples(MnistData data, TrainValidationSplit split, LatencyEncoder encoder, int steps,
                        boolean intensity, IntensityNormalisation normalisation, int trainLimit, int evalLimit,
                        ImageAugmentation augmentation, long augmentSeed) {
        this.data = data;
        this.split = split;
        this.encoder = encoder;
        this.steps = steps;
        this.intensity = intensity;
        this.currentOfByte = new double[256];
        for (int b = 0; b < 256; b++) {
            currentOfByte[b] = normalisation.apply(b);
        }
        this.trainLimit = trainLimit;
        this.evalLimit = evalLimit;
        this.augmentation = augmentation;
        this.augmentSeed = augmentSeed;
        int size = data.train().imageSize();
        this.scratch = ThreadLocal.withInitial(() -> new byte[size]);
    }

    @Override
    public int inputSize() {
        return data.train().imageSize();
    }

    /** One channel of a square image (MNIST and Fashion-MNIST: 28 x 28). */
    @Override
    public int[] imageShape() {
        int size = inputSize();
        int side = (int) Math.round(Math.sqrt(size));
        return side * side == size ? new int[] {1, side, side} : null;
    }

    @Override
    public int classes() {
        return 10;
    }

    @Override
    public void beginEpoch(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public int size(Split which) {
        return switch (which) {
            case TRAIN -> limit(split.train().length, trainLimit);
            case VALIDATION -> limit(split.validation().length, evalLimit);
            case TEST -> limit(data.test().count(), evalLimit);
        };
    }

    @Override
    public int label(Split which, int index) {
        return which == Split.TEST ? data.test().label(index) : data.train().label(image(which, index));
    }

    @Override
    public void encode(Split which, int index, SpikeEvents out) {
        MnistData.ImageSet set = which == Split.TEST ? data.test() : data.train();
        int image = which == Split.TEST ? index : image(which, index);
        byte[] pixels = set.pixels();
        int base = image * set.imageSize();
        if (which == Split.TRAIN && augmentation.active()) {
            byte[] augmented = scratch.get();
            int[] shape = imageShape();
            augmentation.apply(pixels, base, shape[1], shape[2], augmentStream(epoch, image), augmented);
            pixels = augmented;
            base = 0;
        }
        encodePixels(pixels, base, set.imageSize(), out);
    }

    /** The random stream that augments training image {@code image} (index in the training file) in {@code epoch}. */
    java.util.SplittableRandom augmentStream(int epoch, int image) {
        long epochSeed = new RandomStreams(augmentSeed).stream("augment", epoch).nextLong();
        return new RandomStreams(epochSeed).stream("image", image);
    }

    private void encodePixels(byte[] pixels, int base, int size, SpikeEvents out) {
        out.clear();
        if (intensity) {
            for (int step = 0; step < steps; step++) {
                for (int p = 0; p < size; p++) {
                    double current = currentOfByte[pixels[base + p] & 0xFF];
                    if (current != 0) { // without normalisation: every non-black pixel, as byte / 255
                        out.add(step, p, current);
                    }
                }
            }
        } else {
            for (int step = 0; step < encoder.levels(); step++) { // events must come in order of steps
                for (int p = 0; p < size; p++) {
                    if (encoder.spikeStep(pixels[base + p] & 0xFF) == step) {
                        out.add(step, p, 1.0);
                    }
                }
            }
        }
        out.finish();
    }

    private int image(Split which, int index) {
        return which == Split.TRAIN ? split.train()[index] : split.validation()[index];
    }

    private static int limit(int available, int limit) {
        return limit == 0 ? available : Math.min(available, limit);
    }
}
