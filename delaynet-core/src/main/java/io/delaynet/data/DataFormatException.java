package io.delaynet.data;

/** A data file exists but is damaged or in a format we do not read (wrong magic, stereo, truncated...). */
public final class DataFormatException extends DataException {
    public DataFormatException(String problem, String fix) {
        super(problem, fix);
    }

    public DataFormatException(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }
}
