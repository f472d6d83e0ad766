package io.delaynet.nir;

import io.delaynet.data.DataException;

/** A NIR file or graph that cannot be used: one line naming the node (or file) and the reason. */
public final class NirException extends DataException {
    private static final long serialVersionUID = 1L;

    public NirException(String problem, String fix) {
        super(problem, fix);
    }

    public NirException(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }
}
