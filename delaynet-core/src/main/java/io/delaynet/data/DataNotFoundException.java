package io.delaynet.data;

/** A data folder or file the user named (or the default one) does not exist. */
public final class DataNotFoundException extends DataException {
    public DataNotFoundException(String problem, String fix) {
        super(problem, fix);
    }
}
