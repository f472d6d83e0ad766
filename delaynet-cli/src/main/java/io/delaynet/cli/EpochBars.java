package io.delaynet.cli;

import io.delaynet.train.EpochMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A progress bar per epoch on a terminal, redrawn in place with carriage returns. Each finished
 * epoch leaves its bar as one line with the epoch's validation accuracy, so the scrollback reads
 * like a log. Drawn on standard output: the launcher filters standard error line by line, which
 * would swallow the in-place updates.
 *
 * <p>The bar is given the terminal width explicitly. Left to measure it, the progress bar library
 * opens a JLine terminal with native signal handling, which resets Ctrl-C to the operating system's
 * default: the JVM would die on the spot, skipping the shutdown hook that stops training cleanly.
 */
final class EpochBars implements ProgressDisplay {
    private static final int FALLBACK_WIDTH = 120;
    /** The narrowest bar worth drawing. */
    private static final int MIN_BAR = 10;
    /** What the library adds around the task name, the bar and the ratio: " 100% |", "| ", " (0:00:00) ". */
    private static final int FIXED_COLUMNS = 22;

    private final PrintStream out;
    private final EpochPace pace;
    private final int width = terminalWidth();
    private ProgressBar bar;
    private BarLine line;
    private int samples;
    private double runningLoss;
    private double runningAccuracy;

    EpochBars(PrintStream out, EpochPace pace) {
        this.out = out;
        this.pace = pace;
    }

    @Override
    public void batchDone(int epoch, int batch, int batches, int samplesDone, double loss, double accuracy) {
        if (bar == null) {
            int digits = String.valueOf(pace.epochs()).length();
            line = new BarLine(out, width - 1);
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "epoch %" + digits + "d/%d", epoch + 1, pace.epochs()))
                    .setInitialMax(batches)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                    .setUpdateIntervalMillis(200)
                    .hideEta()
                    .setConsumer(line)
                    .build();
        }
        samples = samplesDone;
        runningLoss = loss;
        runningAccuracy = accuracy;
        bar.stepTo(batch + 1);
        bar.setExtraMessage(fit(String.format(Locale.ROOT, "loss %.4f", loss),
                String.format(Locale.ROOT, "acc %6.2f %%", 100 * accuracy),
                "ETA " + EpochPace.clock(pace.remainingAfter(epoch - 1)),
                EpochPace.rate(pace.samplesPerSecond(samplesDone)) + " samples/s"));
    }

    @Override
    public void epochDone(EpochMetrics m) {
        double rate = pace.samplesPerSecond(samples);
        pace.epochFinished(m.epoch());
        if (bar != null) {
            bar.setExtraMessage(fit(String.format(Locale.ROOT, "loss %.4f", runningLoss),
                    String.format(Locale.ROOT, "acc %6.2f %%", 100 * runningAccuracy),
                    EpochPace.validation(m.validationAccuracy(),
                            String.format(Locale.ROOT, "val %6.2f %%", 100 * m.validationAccuracy())),
                    "ETA " + EpochPace.clock(pace.remainingAfter(m.epoch())), EpochPace.rate(rate) + " samples/s"));
            bar.close();
            line.finish();
            bar = null;
        }
    }

    /**
     * Joins the parts, most important first, as far as they fit beside a bar of at least
     * {@link #MIN_BAR} columns; the library would otherwise shrink the bar to nothing on a narrow
     * terminal and then cut the text mid-word.
     */
    private String fit(String... parts) {
        int fixed = bar.getTaskName().length() + 2 * String.valueOf(bar.getMax()).length() + FIXED_COLUMNS;
        int budget = Math.max(0, width - 1 - fixed - MIN_BAR);
        StringBuilder text = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length && text.length() + 2 + parts[i].length() <= budget; i++) {
            text.append("  ").append(parts[i]);
        }
        return text.toString();
    }

    /** Columns of the terminal on standard output, measured without touching signal handling. */
    private static int terminalWidth() {
        if (!ProgressDisplay.stdoutIsTerminal()) {
            return FALLBACK_WIDTH;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(false).dumb(true).build()) {
            int columns = terminal.getWidth();
            return columns > 20 ? columns : FALLBACK_WIDTH;
        } catch (IOException | RuntimeException e) {
            return FALLBACK_WIDTH;
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close(); // an interrupted epoch: finish its line before anything else is printed
            line.finish();
            bar = null;
        }
        out.flush();
    }
}
