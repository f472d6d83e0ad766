package io.delaynet.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where derived data (encoded spike sets) is kept between runs: an explicit path, else
 * {@value #ENV_VAR}, else {@code $XDG_CACHE_HOME/delaynet}, else {@code ~/.cache/delaynet}.
 * Everything in it can be deleted at any time; it is rebuilt on the next run.
 */
public final class CacheDirectory {
    public static final String ENV_VAR = "DELAYNET_CACHE";

    private CacheDirectory() {
    }

    public static Path resolve(Optional<Path> explicit) {
        return resolve(explicit, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static Path resolve(Optional<Path> explicit, Map<String, String> env, Path home) {
        if (explicit.isPresent()) {
            return explicit.get().toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "delaynet").toAbsolutePath().normalize();
        }
        return home.resolve(".cache").resolve("delaynet").toAbsolutePath().normalize();
    }
}
