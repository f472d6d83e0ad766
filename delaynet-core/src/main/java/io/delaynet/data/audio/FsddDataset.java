package io.delaynet.data.audio;

import io.delaynet.data.DataFormatException;
import io.delaynet.data.DataNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The recordings of the Free Spoken Digit Dataset found in a folder, in {@link FsddRecording#ORDER},
 * with the two ways of holding data out: the official split and leave-one-speaker-out.
 */
public final class FsddDataset {
    /** Where the recordings live below the shared data folder. */
    public static final Path RELATIVE_DIR = Path.of("fsdd", "recordings");
    /** FSDD's own convention: takes 0-4 of every speaker and digit form the test set. */
    public static final int FIRST_TRAIN_TAKE = 5;
    public static final int SAMPLE_RATE = 8000;
    public static final int CLASSES = 10;

    private final Path directory;
    private final List<FsddRecording> recordings;

    private FsddDataset(Path directory, List<FsddRecording> recordings) {
        this.directory = directory;
        this.recordings = recordings;
    }

    /** Loads the listing from {@code dataRoot/fsdd/recordings}. */
    public static FsddDataset inDataRoot(Path dataRoot) {
        return load(dataRoot.resolve(RELATIVE_DIR));
    }

    /** Loads the listing of {@code recordingsDir}; every {@code *.wav} there must follow FSDD naming. */
    public static FsddDataset load(Path recordingsDir) {
        if (!Files.isDirectory(recordingsDir)) {
            throw new DataNotFoundException("FSDD folder " + recordingsDir + " does not exist",
                    "pass the data folder that contains fsdd/recordings/*.wav");
        }
        List<FsddRecording> found;
        try (Stream<Path> files = Files.list(recordingsDir)) {
            found = files.filter(f -> f.getFileName().toString().endsWith(".wav"))
                    .map(FsddRecording::of).sorted(FsddRecording.ORDER).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + recordingsDir, e);
        }
        if (found.isEmpty()) {
            throw new DataFormatException(recordingsDir + ": contains no .wav recordings",
                    "point the data folder at a copy of the Free Spoken Digit Dataset");
        }
        return new FsddDataset(recordingsDir, found);
    }

    public Path directory() {
        return directory;
    }

    public List<FsddRecording> recordings() {
        return recordings;
    }

    public SortedSet<String> speakers() {
        TreeSet<String> speakers = new TreeSet<>();
        recordings.forEach(r -> speakers.add(r.speaker()));
        return speakers;
    }

    /** Takes 5 and up train, takes 0-4 test (2700 / 300 recordings for the full set). */
    public DataSplit<FsddRecording> officialSplit() {
        return new DataSplit<>(
                recordings.stream().filter(r -> r.take() >= FIRST_TRAIN_TAKE).toList(),
                recordings.stream().filter(r -> r.take() < FIRST_TRAIN_TAKE).toList());
    }

    /** All recordings of {@code speaker} test, everyone else's train: does the model generalise to a new voice? */
    public DataSplit<FsddRecording> leaveOneSpeakerOut(String speaker) {
        if (!speakers().contains(speaker)) {
            throw new DataFormatException("unknown speaker '" + speaker + "'", "choose one of " + speakers());
        }
        return new DataSplit<>(
                recordings.stream().filter(r -> !r.speaker().equals(speaker)).toList(),
                recordings.stream().filter(r -> r.speaker().equals(speaker)).toList());
    }
}
