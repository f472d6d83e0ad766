package io.delaynet.data.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The reference data folder for tests that need real recordings; they skip, saying why, when it is absent. */
final class SharedData {
    static final String PROPERTY = "delaynet.shared.data";

    private SharedData() {
    }

    /** The FSDD recordings folder, or the test is skipped. */
    static Path fsddRecordingsOrSkip() {
        String root = System.getProperty(PROPERTY);
        Assumptions.assumeTrue(root != null, "system property " + PROPERTY + " not set; skipping the real-data test");
        Path dir = Path.of(root).resolve(FsddDataset.RELATIVE_DIR);
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " not found; skipping the real-data test");
        return dir;
    }

    /**
     * A small FSDD-named folder of synthetic recordings: {@code digits} × {@code speakers} × {@code takes}
     * tones whose pitch depends on the digit, so encodings differ between classes.
     */
    static FsddDataset synthetic(Path dir, int digits, String[] speakers, int takes) {
        for (int d = 0; d < digits; d++) {
            for (int s = 0; s < speakers.length; s++) {
                for (int t = 0; t < takes; t++) {
                    double seconds = 0.12 + 0.01 * ((d + s + t) % 5);
                    short[] tone = TestWav.tone(FsddDataset.SAMPLE_RATE, 200 + 150 * d + 7 * s, 0.3 + 0.05 * t, seconds);
                    TestWav.write(dir.resolve(d + "_" + speakers[s] + "_" + t + ".wav"),
                            TestWav.pcm16(FsddDataset.SAMPLE_RATE, tone));
                }
            }
        }
        return FsddDataset.load(dir);
    }
}
