package io.delaynet.cli;

import io.delaynet.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --data-dir} option: flag, else $DELAYNET_DATA, else ../shared/data if present. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the data sets (mnist/, fashion-mnist/, fsdd/, ...). "
                    + "Default: $DELAYNET_DATA, else ../shared/data when it exists.")
    Path dataDir;

    /** The data folder to use, or null when none is set; a folder named explicitly must exist and be readable. */
    Path resolve() {
        if (dataDir != null) {
            return checked(dataDir, "--data-dir");
        }
        String env = System.getenv("DELAYNET_DATA");
        if (env != null && !env.isBlank()) {
            return checked(Path.of(env), "$DELAYNET_DATA");
        }
        Path shared = Path.of("..", "shared", "data");
        return Files.isDirectory(shared) ? shared : null;
    }

    private static Path checked(Path dir, String origin) {
        if (!Files.exists(dir)) {
            throw new ConfigException("data folder " + dir + " (from " + origin + ") does not exist; "
                    + "point " + origin + " at the folder that holds the data sets");
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("data folder " + dir + " (from " + origin + ") is a file, not a folder; "
                    + "point " + origin + " at the folder that holds the data sets");
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new ConfigException("data folder " + dir + " (from " + origin + ") cannot be read; "
                    + "check its permissions");
        }
        return dir;
    }
}
