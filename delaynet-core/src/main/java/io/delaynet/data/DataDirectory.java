package io.delaynet.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the folder that holds the data sets ({@code mnist/}, {@code fashion-mnist/}, {@code fsdd/},
 * ...), the one rule every command and method uses. Order: an explicit path (the {@code --data-dir}
 * flag or a config key), then the environment variable {@value #ENV_VAR}, then {@code ../shared/data}
 * next to the working directory, which is where the project's own checkout and CI keep it. A folder
 * named explicitly must exist; the conventional one is simply skipped when absent.
 */
public final class DataDirectory {
    public static final String ENV_VAR = "DELAYNET_DATA";
    static final Path CONVENTIONAL = Path.of("..", "shared", "data");
    private static final String WHAT = "the folder that holds the data sets";

    private DataDirectory() {
    }

    /** As {@link #find(Optional, String, Map, Path)} with the real environment and working directory. */
    public static Optional<Path> find(Optional<Path> explicit, String origin) {
        return find(explicit, origin, System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * The data folder, or empty when nothing names one and {@code ../shared/data} does not exist (a
     * method that needs no data files can then still run).
     *
     * @param explicit   a path the user gave directly; wins when present
     * @param origin     where {@code explicit} came from, for messages, e.g. "--data-dir" or "data.dir"
     * @param env        environment variables (passed in so tests need not change the real ones)
     * @param workingDir the folder relative paths are resolved against
     * @throws DataNotFoundException when an explicitly named folder cannot be used
     */
    public static Optional<Path> find(Optional<Path> explicit, String origin, Map<String, String> env,
                                      Path workingDir) {
        if (explicit.isPresent()) {
            return Optional.of(usable(workingDir.resolve(explicit.get()), origin));
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(usable(workingDir.resolve(fromEnv), "$" + ENV_VAR));
        }
        Path conventional = workingDir.resolve(CONVENTIONAL).normalize();
        return Files.isDirectory(conventional) ? Optional.of(conventional) : Optional.empty();
    }

    /** As {@link #resolve(Optional, Map, Path)} with the real environment and working directory. */
    public static Path resolve(Optional<Path> explicit) {
        return resolve(explicit, System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * The data folder for a command that needs one, the explicit path coming from {@code --data-dir}.
     *
     * @throws DataNotFoundException when the chosen folder cannot be used, or no candidate exists
     */
    public static Path resolve(Optional<Path> explicit, Map<String, String> env, Path workingDir) {
        return find(explicit, "--data-dir", env, workingDir).orElseThrow(() -> new DataNotFoundException(
                "no data folder given and " + workingDir.resolve(CONVENTIONAL).normalize() + " does not exist",
                "pass --data-dir DIR or set " + ENV_VAR + "=DIR (" + WHAT + ")"));
    }

    /**
     * {@code dir} when it is a readable folder.
     *
     * @param origin where the path came from, for the message
     * @throws DataNotFoundException naming the path, its origin and the fix
     */
    public static Path usable(Path dir, String origin) {
        Path normal = dir.normalize();
        String named = "data folder " + normal + " (from " + origin + ")";
        if (!Files.exists(normal)) {
            throw new DataNotFoundException(named + " does not exist", "point " + origin + " at " + WHAT);
        }
        if (!Files.isDirectory(normal)) {
            throw new DataNotFoundException(named + " is a file, not a folder", "point " + origin + " at " + WHAT);
        }
        if (!Files.isReadable(normal) || !Files.isExecutable(normal)) {
            throw new DataNotFoundException(named + " cannot be read", "check its permissions");
        }
        return normal;
    }
}
