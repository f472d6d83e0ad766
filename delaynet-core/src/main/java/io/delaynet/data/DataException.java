package io.delaynet.data;

import java.util.Objects;

/**
 * A data file or folder the user pointed at cannot be used. The message is one line that names the
 * problem and the fix, so a command line can print it as it is and exit with status 2 instead of
 * showing a stack trace.
 */
public class DataException extends RuntimeException {
    private final String problem;
    private final String fix;

    public DataException(String problem, String fix) {
        this(problem, fix, null);
    }

    public DataException(String problem, String fix, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem") + "; " + Objects.requireNonNull(fix, "fix"), cause);
        this.problem = problem;
        this.fix = fix;
    }

    /** For a message that already names the problem and the fix in one sentence. */
    protected DataException(String message) {
        this(message, (Throwable) null);
    }

    protected DataException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.problem = message;
        this.fix = "";
    }

    /** What is wrong, e.g. "3_theo_7.wav: has 2 channels, expected mono". */
    public String problem() {
        return problem;
    }

    /** What the user can do about it, e.g. "mix it down to one channel". */
    public String fix() {
        return fix;
    }
}
