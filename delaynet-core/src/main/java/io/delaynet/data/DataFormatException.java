package io.delaynet.data;

/** A data file exists but is damaged or in a format we do not read (wrong magic, stereo, truncated...). */
public final class DataFormatException extends DataException {
    public DataFormatException(String problem, String fix) {
        super(problem, fix);
    }

    public DataFormatException(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }

    /** For messages that already name the problem and the fix in one sentence. */
    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
