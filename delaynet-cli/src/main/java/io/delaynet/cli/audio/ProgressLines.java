package io.delaynet.cli.audio;

import io.delaynet.data.audio.ProgressListener;
import java.io.PrintWriter;

/** Progress as a plain line every tenth of the way: readable in logs and CI, where a bar is not. */
final class ProgressLines implements ProgressListener {
    private final PrintWriter out;
    private final String what;
    private int lastTenth;

    ProgressLines(PrintWriter out, String what) {
        this.out = out;
        this.what = what;
    }

    @Override
    public void progress(int done, int total) {
        int tenth = (int) (10L * done / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            out.printf("%s: %d/%d (%d%%)%n", what, done, total, 10 * tenth);
            out.flush();
        }
    }
}
