package io.delaynet.data.audio;

import io.delaynet.data.DataFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Encodes the spoken-digit set once and keeps the result in a folder. A second run with the same
 * recordings and settings reads the file instead of encoding (well under a second instead of
 * seconds); a damaged file is reported, encoded again and replaced.
 */
public final class EncodingCache {
    private final Path directory;
    private final int threads;
    private final Consumer<String> notices;

    /**
     * @param directory where cache files live (created when needed)
     * @param threads   encoding threads on a miss
     * @param notices   receives one-line messages worth showing a user, e.g. "cache file ... damaged; rebuilding"
     */
    public EncodingCache(Path directory, int threads, Consumer<String> notices) {
        this.directory = directory;
        this.threads = threads;
        this.notices = notices;
    }

    public Path directory() {
        return directory;
    }

    /** The file a set with this key lives in. */
    public Path fileFor(InputKey key) {
        return directory.resolve("fsdd-spikes-" + key.shortHex() + ".bin");
    }

    /** Every recording of {@code dataset} encoded with {@code settings}, from the cache when it is valid. */
    public EncodedDataset load(FsddDataset dataset, CochleaSettings settings, ProgressListener progress) {
        List<FsddRecording> recordings = dataset.recordings();
        InputKey key = InputKey.of(settings, recordings);
        Path file = fileFor(key);
        EncodedDataset.Origin origin = EncodedDataset.Origin.ENCODED;
        if (Files.exists(file)) {
            try {
                SpikeSetFile.Contents contents = SpikeSetFile.read(file);
                if (Arrays.equals(contents.key(), key.bytes()) && contents.samples().size() == recordings.size()) {
                    return new EncodedDataset(contents.samples(), settings, key, file, EncodedDataset.Origin.CACHE);
                }
                notices.accept("cache file " + file + " belongs to other inputs; rebuilding it");
            } catch (DataFormatException e) {
                notices.accept(e.problem() + "; rebuilding it");
            }
            origin = EncodedDataset.Origin.REBUILT;
        }
        List<SpikeSample> samples = new ParallelEncoder(new CochleaEncoder(settings), threads).encode(recordings, progress);
        try {
            SpikeSetFile.write(file, key.bytes(), samples);
        } catch (UncheckedIOException e) {
            // The encoding itself succeeded; a read-only or full cache folder only costs the next run time.
            notices.accept("cannot write cache file " + file + " (" + e.getCause() + "); continuing without a cache,"
                    + " choose a writable cache folder to keep it");
        }
        return new EncodedDataset(samples, settings, key, file, origin);
    }
}
