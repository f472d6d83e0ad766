package io.delaynet.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the folder that holds the reference data sets (the one with {@code fsdd/}, {@code mnist/}, ...).
 * Order: an explicit path (a command-line flag), then the environment variable {@value #ENV_VAR},
 * then {@code ../shared/data} next to the working directory, which is where the project's own
 * checkout and CI keep it.
 */
public final class DataDirectory {
    public static final String ENV_VAR = "DELAYNET_DATA";
    static final Path CONVENTIONAL = Path.of("..", "shared", "data");

    private DataDirectory() {
    }

    /** Resolves from the real environment and working directory. */
    public static Path resolve(Optional<Path> explicit) {
        return resolve(explicit, System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * @param explicit   a path the user gave directly (e.g. {@code --data-dir}); wins when present
     * @param env        environment variables (passed in so tests need not change the real ones)
     * @param workingDir the folder relative paths are resolved against
     * @throws DataNotFoundException when the chosen folder does not exist, or no candidate exists
     */
    public static Path resolve(Optional<Path> explicit, Map<String, String> env, Path workingDir) {
        if (explicit.isPresent()) {
            return existing(workingDir.resolve(explicit.get()), "--data-dir");
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return existing(workingDir.resolve(fromEnv), ENV_VAR);
        }
        Path conventional = workingDir.resolve(CONVENTIONAL).normalize();
        if (Files.isDirectory(conventional)) {
            return conventional;
        }
        throw new DataNotFoundException("no data directory given and " + conventional + " does not exist",
                "pass --data-dir DIR or set " + ENV_VAR + "=DIR (the folder that contains fsdd/recordings)");
    }

    private static Path existing(Path dir, String source) {
        Path normal = dir.normalize();
        if (!Files.isDirectory(normal)) {
            throw new DataNotFoundException("data directory " + normal + " (from " + source + ") does not exist",
                    "point " + source + " at the folder that contains fsdd/recordings");
        }
        return normal;
    }
}
