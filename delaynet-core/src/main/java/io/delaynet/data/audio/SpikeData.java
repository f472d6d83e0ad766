package io.delaynet.data.audio;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A spike-event data set split for training: spoken digits as (channel, time) events.
 *
 * @param channels input channels (before any pooling)
 * @param classes  number of classes
 * @param files    what the samples were made from, for provenance checksums
 */
public record SpikeData(List<SpikeSample> train, List<SpikeSample> test, int channels, int classes,
                        Map<String, Path> files) {
    public SpikeData {
        train = List.copyOf(train);
        test = List.copyOf(test);
        files = Map.copyOf(files);
    }
}
