package io.delaynet.data.audio;

import io.delaynet.config.ConfigException;
import io.delaynet.data.DataNotFoundException;
import io.delaynet.data.shd.ShdDataset;
import io.delaynet.data.shd.ShdReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads the spike-event data sets of the registry ({@code fsdd}, {@code shd}) into a train/test
 * split. FSDD is encoded from its WAV files by the cochlea front end (once; the encoding cache
 * keeps the result); SHD is read from its HDF5 files.
 */
public final class SpikeDataSets {
    /** The split that keeps FSDD's own test set (takes 0-4); "speaker:NAME" holds one speaker out. */
    public static final String OFFICIAL = "official";
    private static final String SPEAKER = "speaker:";

    private SpikeDataSets() {
    }

    /**
     * @param name     "fsdd" or "shd"
     * @param dataDir  the data folder (holding fsdd/recordings or shd/)
     * @param split    {@link #OFFICIAL}, or for FSDD "speaker:NAME"
     * @param channels FSDD cochlea channels (SHD has its own 700)
     * @param cacheDir where encoded FSDD sets are kept
     * @param notices  one-line messages worth showing (cache rebuilt, ...)
     */
    public static SpikeData load(String name, Path dataDir, String split, int channels, Path cacheDir, int threads,
                                 Consumer<String> notices, ProgressListener progress) {
        return switch (name) {
            case "fsdd" -> fsdd(dataDir, split, channels, cacheDir, threads, notices, progress);
            case "shd" -> shd(dataDir, split);
            default -> throw new ConfigException("data.dataset: " + name + " is not a spike-event data set");
        };
    }

    /** Checks a split name without loading anything, so a typo fails before any work. */
    public static void checkSplit(String name, String split) {
        boolean speaker = split.startsWith(SPEAKER) && split.length() > SPEAKER.length();
        if (!split.equals(OFFICIAL) && !(speaker && name.equals("fsdd"))) {
            throw new ConfigException("data.audio.split is '" + split + "'; use " + OFFICIAL
                    + (name.equals("fsdd") ? " or speaker:NAME (e.g. speaker:jackson) to hold one speaker out" : ""));
        }
    }

    private static SpikeData fsdd(Path dataDir, String split, int channels, Path cacheDir, int threads,
                                  Consumer<String> notices, ProgressListener progress) {
        checkSplit("fsdd", split);
        FsddDataset dataset = FsddDataset.inDataRoot(dataDir);
        EncodingCache cache = new EncodingCache(cacheDir, threads, notices);
        EncodedDataset encoded = cache.load(dataset, CochleaSettings.DEFAULT.withChannels(channels), progress);
        DataSplit<FsddRecording> recordings = split.equals(OFFICIAL) ? dataset.officialSplit()
                : dataset.leaveOneSpeakerOut(split.substring(SPEAKER.length()));
        DataSplit<SpikeSample> samples = encoded.select(recordings);
        return new SpikeData(samples.train(), samples.test(), channels, FsddDataset.CLASSES,
                Files.isRegularFile(encoded.cacheFile()) ? Map.of("fsdd_spikes", encoded.cacheFile()) : Map.of());
    }

    private static SpikeData shd(Path dataDir, String split) {
        checkSplit("shd", split);
        Path train = dataDir.resolve("shd").resolve("shd_train.h5");
        Path test = dataDir.resolve("shd").resolve("shd_test.h5");
        for (Path f : new Path[] {train, test}) {
            if (!Files.isRegularFile(f)) {
                throw new DataNotFoundException("SHD file " + f + " does not exist",
                        "download shd_train.h5 and shd_test.h5 (Cramer et al. 2020) into " + f.getParent());
            }
        }
        ShdDataset tr = ShdReader.read(train);
        ShdDataset te = ShdReader.read(test);
        int labels = 1 + Math.max(maxLabel(tr), maxLabel(te));
        if (labels > SHD_CLASSES) {
            throw new DataNotFoundException(train + " holds labels up to " + (labels - 1) + ", more than SHD's "
                    + SHD_CLASSES + " classes", "check that these are the Spiking Heidelberg Digits files");
        }
        return new SpikeData(tr.samples(), te.samples(), tr.unitCount(), SHD_CLASSES,
                Map.of("shd_train", train, "shd_test", test));
    }

    private static int maxLabel(ShdDataset d) {
        return d.samples().stream().mapToInt(SpikeSample::label).max().orElse(0);
    }

    /** Spoken digits 0-9 in English and German. */
    private static final int SHD_CLASSES = 20;
}
