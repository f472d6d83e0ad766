package io.delaynet.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * Throughput and time left, measured by the wall clock of this process: samples per second within
 * the current epoch, and the run's remaining time from the mean duration of the epochs seen so far
 * (a resumed run only counts its own epochs).
 */
final class EpochPace {
    private final int firstEpoch;
    private final int epochs;
    private final long start = System.nanoTime();
    private long epochStart = start;
    private int epochsSeen;

    /**
     * @param firstEpoch the 0-based epoch this process starts with (non-zero when resumed)
     * @param epochs     the run's total number of epochs
     */
    EpochPace(int firstEpoch, int epochs) {
        this.firstEpoch = firstEpoch;
        this.epochs = epochs;
    }

    int epochs() {
        return epochs;
    }

    /** Samples per second in the current epoch so far. */
    double samplesPerSecond(int samplesDone) {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        return seconds > 0 ? samplesDone / seconds : 0;
    }

    /** Records the end of an epoch (0-based); the next epoch's clock starts now. */
    void epochFinished(int epoch) {
        epochsSeen = epoch + 1 - firstEpoch;
        epochStart = System.nanoTime();
    }

    /** Time left for the epochs after {@code epoch} (0-based), or null before any epoch has finished. */
    Duration remainingAfter(int epoch) {
        if (epochsSeen <= 0) {
            return null;
        }
        double perEpoch = (epochStart - start) / 1e9 / epochsSeen;
        return Duration.ofMillis(Math.round(1000 * perEpoch * Math.max(0, epochs - epoch - 1)));
    }

    /** "0:01:05"; "?" when unknown. */
    static String clock(Duration d) {
        if (d == null) {
            return "?";
        }
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** {@code figures}, or "no validation samples" where the accuracy is NaN: a data set too small to hold any. */
    static String validation(double accuracy, String figures) {
        return Double.isNaN(accuracy) ? "no validation samples" : figures;
    }

    /** "830", "12.4k", "1.25M". */
    static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
