package io.delaynet.inspect;

import io.delaynet.train.Split;
import java.util.List;

/**
 * What a trained network did with one sample, layer by layer, for rasters and cross-checks.
 *
 * @param predicted the network's answer (-1 for none, e.g. a silent output layer)
 * @param timeUnit  unit of every spike time, e.g. "τ_s" or "ms"
 * @param layers    the input first, the output last
 */
public record SampleSpikes(Split split, int sample, int label, int predicted, String timeUnit,
                           List<LayerSpikes> layers) {
    public SampleSpikes {
        layers = List.copyOf(layers);
    }
}
