package io.delaynet.baseline;

import io.delaynet.data.audio.SpikeBinning;
import io.delaynet.data.audio.SpikeEvents;
import io.delaynet.data.audio.SpikeSample;
import java.util.List;

/**
 * A fixed-length vector from a spike train: log(1 + count) per time bin and (pooled) channel,
 * flattened bin-major. Spikes after the last bin are ignored, so every sample gives the same length.
 * The log keeps a few very busy channels from dominating a linear model.
 *
 * @param binSeconds width of a time bin
 * @param bins       number of bins from t = 0
 * @param pool       neighbouring channels summed into one
 */
public record SpikeCountFeatures(double binSeconds, int bins, int pool) {
    /** 20 bins of 50 ms (the first second, which holds all but the longest FSDD words), every channel. */
    public static final SpikeCountFeatures DEFAULT = new SpikeCountFeatures(0.05, 20, 1);

    public SpikeCountFeatures {
        if (!(binSeconds > 0) || bins < 1 || pool < 1) {
            throw new IllegalArgumentException("need binSeconds > 0, bins >= 1, pool >= 1");
        }
    }

    /** Feature count for samples with {@code unitCount} channels. */
    public int size(int unitCount) {
        return bins * SpikeBinning.pooledChannels(unitCount, pool);
    }

    public double[] of(SpikeEvents events) {
        float[][] counts = SpikeBinning.counts(events, binSeconds, bins, pool);
        int width = counts[0].length;
        double[] out = new double[bins * width];
        for (int b = 0; b < bins; b++) {
            for (int c = 0; c < width; c++) {
                out[b * width + c] = Math.log1p(counts[b][c]);
            }
        }
        return out;
    }

    public double[][] of(List<SpikeSample> samples) {
        return samples.stream().map(s -> of(s.events())).toArray(double[][]::new);
    }
}
