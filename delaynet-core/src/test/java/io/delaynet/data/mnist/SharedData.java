package io.delaynet.data.mnist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the reference data sets are: the {@code delaynet.shared.data} property that surefire sets. */
public final class SharedData {
    private SharedData() {
    }

    /** The data directory; skips the calling test when it is not there. */
    public static Path directoryOrSkip() {
        String dir = System.getProperty("delaynet.shared.data");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "mnist")),
                "reference data not found (system property delaynet.shared.data = " + dir + ")");
        return Path.of(dir);
    }
}
