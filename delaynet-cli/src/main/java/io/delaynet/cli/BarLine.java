package io.delaynet.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;

/**
 * Where one epoch's bar is drawn: one terminal line, redrawn with carriage returns and ended with
 * a newline exactly once. The progress bar library skips its own line ending when a bar is closed
 * before its first timed redraw (an epoch shorter than the redraw interval), which would run the
 * next epoch's bar into this one; {@link #finish()} makes the ending certain.
 */
final class BarLine extends ConsoleProgressBarConsumer {
    private boolean ended;

    BarLine(PrintStream out, int width) {
        super(out, width);
    }

    @Override
    public synchronized void accept(String rendered) {
        if (!ended) {
            super.accept(rendered);
        }
    }

    @Override
    public synchronized void close() {
        if (!ended) {
            ended = true;
            super.close();
        }
    }

    /** Ends the line if the library did not; call after closing the bar. */
    void finish() {
        close();
    }
}
