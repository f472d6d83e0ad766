package io.delaynet.data.audio;

import io.delaynet.data.DataFormatException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recording of the Free Spoken Digit Dataset, described by its file name
 * {@code {digit}_{speaker}_{take}.wav}.
 */
public record FsddRecording(Path file, int digit, String speaker, int take) {
    private static final Pattern NAME = Pattern.compile("([0-9])_([a-z]+)_([0-9]+)\\.wav");

    /** Dataset order: digit, then speaker, then take (numerically, so take 10 follows take 9). */
    public static final Comparator<FsddRecording> ORDER = Comparator.comparingInt(FsddRecording::digit)
            .thenComparing(FsddRecording::speaker).thenComparingInt(FsddRecording::take);

    /** Parses the name of {@code file}. */
    public static FsddRecording of(Path file) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new DataFormatException(file + ": unexpected file name for the spoken-digit set",
                    "FSDD files are named {digit}_{speaker}_{take}.wav (e.g. 3_theo_12.wav); move other files out of the folder");
        }
        return new FsddRecording(file, Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
    }

    /** The file name without ".wav", e.g. "3_theo_12": unique within the set. */
    public String id() {
        return digit + "_" + speaker + "_" + take;
    }
}
