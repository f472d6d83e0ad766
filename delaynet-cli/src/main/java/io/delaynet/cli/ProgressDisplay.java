package io.delaynet.cli;

import io.delaynet.train.TrainingListener;
import java.io.PrintStream;

/**
 * What a training run shows while it runs: a live bar on a terminal, one plain line per epoch when
 * the output is a file or a pipe (logs stay readable), or nothing with {@code --quiet}.
 */
interface ProgressDisplay extends TrainingListener, AutoCloseable {

    /** How the user asked progress to be shown. */
    enum Style {
        /** A bar on a terminal, plain lines otherwise. */
        AUTO,
        BAR,
        LINES,
        NONE
    }

    /** Ends any half-drawn bar so the next output starts on a fresh line; safe to call more than once. */
    void finish();

    @Override
    default void close() {
        finish();
    }

    static ProgressDisplay create(Style style, PrintStream out, int firstEpoch, int epochs) {
        Style chosen = style == Style.AUTO ? (stdoutIsTerminal() ? Style.BAR : Style.LINES) : style;
        return switch (chosen) {
            case BAR -> new EpochBars(out, new EpochPace(firstEpoch, epochs));
            case LINES -> new EpochLines(out, new EpochPace(firstEpoch, epochs));
            case NONE, AUTO -> new ProgressDisplay() {
                @Override
                public void finish() {
                }
            };
        };
    }

    /** Whether standard output is an interactive terminal (not a file, pipe or test harness). */
    static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
