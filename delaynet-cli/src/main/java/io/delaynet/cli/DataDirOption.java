package io.delaynet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --data-dir} option: flag, else $DELAYNET_DATA, else ../shared/data if present. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the data sets (mnist/, fashion-mnist/, fsdd/, ...). "
                    + "Default: $DELAYNET_DATA, else ../shared/data when it exists.")
    Path dataDir;

    Path resolve() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("DELAYNET_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path shared = Path.of("..", "shared", "data");
        return Files.isDirectory(shared) ? shared : null;
    }
}
