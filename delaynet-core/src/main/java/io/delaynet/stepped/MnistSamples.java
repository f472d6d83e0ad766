package io.delaynet.stepped;

import io.delaynet.data.mnist.LatencyEncoder;
import io.delaynet.data.mnist.MnistData;
import io.delaynet.data.mnist.TrainValidationSplit;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Split;

/**
 * MNIST-layout images as latency-coded input spikes. Images stay as bytes and are encoded when a
 * sample is drawn: encoding costs a pass over 784 bytes, far less than the network, and keeps
 * memory at the size of the raw data set.
 */
public final class MnistSamples implements SampleSource {
    private final MnistData data;
    private final TrainValidationSplit split;
    private final LatencyEncoder encoder;
    private final int trainLimit;
    private final int evalLimit;

    /**
     * @param trainLimit use only the first N training samples (0 = all)
     * @param evalLimit  use only the first N validation and test samples (0 = all)
     */
    public MnistSamples(MnistData data, TrainValidationSplit split, LatencyEncoder encoder, int trainLimit,
                        int evalLimit) {
        this.data = data;
        this.split = split;
        this.encoder = encoder;
        this.trainLimit = trainLimit;
        this.evalLimit = evalLimit;
    }

    @Override
    public int inputSize() {
        return data.train().imageSize();
    }

    @Override
    public int classes() {
        return 10;
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
        out.clear();
        for (int step = 0; step < encoder.levels(); step++) { // events must come in order of steps
            for (int p = 0; p < set.imageSize(); p++) {
                if (encoder.spikeStep(pixels[base + p] & 0xFF) == step) {
                    out.add(step, p, 1.0);
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
