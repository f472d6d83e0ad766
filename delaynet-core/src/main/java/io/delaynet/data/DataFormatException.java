package io.delaynet.data;

/**
 * A data file that is missing, unreadable or corrupt. The message is one line that names the
 * file, what is wrong with it and what to do; the command line prints it without a stack trace.
 */
public final class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
