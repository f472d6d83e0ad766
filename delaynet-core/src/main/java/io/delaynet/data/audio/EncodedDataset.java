package io.delaynet.data.audio;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spoken-digit set as spikes, one sample per recording in dataset order, with where it came from.
 *
 * @param samples   one per recording, same order as the recordings it was built from
 * @param settings  the front end that made them
 * @param key       what they were made from (see {@link InputKey})
 * @param cacheFile the file they were read from or written to
 * @param origin    whether this run read the cache or had to encode
 */
public record EncodedDataset(List<SpikeSample> samples, CochleaSettings settings, InputKey key, Path cacheFile,
                             Origin origin) {

    /** How the samples were obtained in this run. */
    public enum Origin {
        /** Read from a valid cache file. */
        CACHE,
        /** Encoded because no cache file existed. */
        ENCODED,
        /** Encoded because the cache file was damaged; the message says why. */
        REBUILT
    }

    public EncodedDataset {
        samples = List.copyOf(samples);
    }

    /** The samples of {@code split}'s recordings, in the split's order. */
    public DataSplit<SpikeSample> select(DataSplit<FsddRecording> split) {
        Map<String, SpikeSample> byId = new HashMap<>();
        samples.forEach(s -> byId.put(s.id(), s));
        return new DataSplit<>(pick(split.train(), byId), pick(split.test(), byId));
    }

    private static List<SpikeSample> pick(List<FsddRecording> recordings, Map<String, SpikeSample> byId) {
        return recordings.stream().map(r -> {
            SpikeSample s = byId.get(r.id());
            if (s == null) {
                throw new IllegalArgumentException("recording " + r.id() + " is not in this encoded set");
            }
            return s;
        }).toList();
    }
}
