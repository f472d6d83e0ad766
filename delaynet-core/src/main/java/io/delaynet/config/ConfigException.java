package io.delaynet.config;

/**
 * A problem with a run's configuration that the user can fix. The message is one line that
 * names the problem and the fix; the command line prints it and exits with status 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
