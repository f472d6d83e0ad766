package io.delaynet.cli.audio;

import io.delaynet.data.DataException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Runs a command body and turns a {@link DataException} (bad file, missing folder) into one line on
 * stderr and exit status 2, the project's convention for user errors. Anything else is a bug and
 * keeps its stack trace.
 */
final class UserErrors {
    static final int USER_ERROR = 2;

    private UserErrors() {
    }

    static int run(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (DataException e) {
            err.println("delaynet: " + e.getMessage());
            err.flush();
            return USER_ERROR;
        }
    }
}
