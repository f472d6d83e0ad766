package io.delaynet.data.shd;

import io.delaynet.data.audio.SpikeSample;
import java.util.List;

/**
 * The contents of one SHD/SSC-layout file.
 *
 * @param samples    one per row, in file order; ids are the row indices, speakers the numeric ids as text
 * @param unitCount  input channels (700 for SHD and SSC)
 * @param classNames the /extra/keys strings when the file has them, else empty
 */
public record ShdDataset(List<SpikeSample> samples, int unitCount, List<String> classNames) {
    public ShdDataset {
        samples = List.copyOf(samples);
        classNames = List.copyOf(classNames);
    }
}
