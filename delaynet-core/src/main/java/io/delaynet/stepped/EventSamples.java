package io.delaynet.stepped;

import io.delaynet.data.audio.SparseSpikeRaster;
import io.delaynet.data.audio.SpikeBinning;
import io.delaynet.data.audio.SpikeData;
import io.delaynet.data.audio.SpikeSample;
import io.delaynet.data.mnist.TrainValidationSplit;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Split;
import java.util.List;

/**
 * Spike-event samples (spoken digits) on the step grid: event i falls in step floor(t_i / dt) and
 * pooled channel unit_i / pool, events after the window are dropped, and an input's value at a step
 * is its number of spikes there. Binned once at construction ({@link SparseSpikeRaster}: only the
 * cells that spiked), so drawing a sample costs its spikes.
 */
public final class EventSamples implements SampleSource {
    private final SparseSpikeRaster[] train;
    private final SparseSpikeRaster[] validation;
    private final SparseSpikeRaster[] test;
    private final int[] trainLabels;
    private final int[] validationLabels;
    private final int[] testLabels;
    private final int inputs;
    private final int classes;
    private final int trainLimit;
    private final int evalLimit;

    /**
     * @param split which training samples are held out for validation
     * @param dt    step length in seconds
     */
    public EventSamples(SpikeData data, TrainValidationSplit split, double dt, int steps, int pool, int trainLimit,
                        int evalLimit) {
        List<SpikeSample> all = data.train();
        train = bin(all, split.train(), dt, steps, pool);
        trainLabels = labels(all, split.train());
        validation = bin(all, split.validation(), dt, steps, pool);
        validationLabels = labels(all, split.validation());
        int[] everyTest = new int[data.test().size()];
        java.util.Arrays.setAll(everyTest, i -> i);
        test = bin(data.test(), everyTest, dt, steps, pool);
        testLabels = labels(data.test(), everyTest);
        inputs = SpikeBinning.pooledChannels(data.channels(), pool);
        classes = data.classes();
        this.trainLimit = trainLimit;
        this.evalLimit = evalLimit;
    }

    private static SparseSpikeRaster[] bin(List<SpikeSample> samples, int[] pick, double dt, int steps, int pool) {
        SparseSpikeRaster[] out = new SparseSpikeRaster[pick.length];
        for (int k = 0; k < pick.length; k++) {
            out[k] = SpikeBinning.sparse(samples.get(pick[k]).events(), dt, steps, pool);
        }
        return out;
    }

    private static int[] labels(List<SpikeSample> samples, int[] pick) {
        int[] out = new int[pick.length];
        for (int k = 0; k < pick.length; k++) {
            out[k] = samples.get(pick[k]).label();
        }
        return out;
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int size(Split split) {
        return switch (split) {
            case TRAIN -> limit(train.length, trainLimit);
            case VALIDATION -> limit(validation.length, evalLimit);
            case TEST -> limit(test.length, evalLimit);
        };
    }

    @Override
    public int label(Split split, int index) {
        return switch (split) {
            case TRAIN -> trainLabels[index];
            case VALIDATION -> validationLabels[index];
            case TEST -> testLabels[index];
        };
    }

    @Override
    public void encode(Split split, int index, SpikeEvents out) {
        SparseSpikeRaster r = switch (split) {
            case TRAIN -> train[index];
            case VALIDATION -> validation[index];
            case TEST -> test[index];
        };
        out.clear();
        for (int t = 0; t < r.steps(); t++) {
            for (int c = r.rowStart(t); c < r.rowStart(t + 1); c++) {
                out.add(t, r.channel(c), r.count(c));
            }
        }
        out.finish();
    }

    private static int limit(int available, int limit) {
        return limit == 0 ? available : Math.min(available, limit);
    }
}
