package io.delaynet.cli;

import io.delaynet.data.DataDirectory;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The shared {@code --data-dir} option of every command; the lookup order is {@link DataDirectory}'s. */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the data sets (mnist/, fashion-mnist/, fsdd/, ...). "
                    + "Default: $DELAYNET_DATA, else ../shared/data when it exists.")
    Path dataDir;

    /** The data folder to use, or null when none is set; a folder named explicitly must exist and be readable. */
    public Path resolve() {
        return DataDirectory.find(Optional.ofNullable(dataDir), "--data-dir").orElse(null);
    }

    /** The data folder, for a command that cannot run without one. */
    public Path require() {
        return DataDirectory.resolve(Optional.ofNullable(dataDir));
    }
}
