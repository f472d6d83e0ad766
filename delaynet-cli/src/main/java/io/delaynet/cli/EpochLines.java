package io.delaynet.cli;

import io.delaynet.train.EpochMetrics;
import java.io.PrintStream;
import java.util.Locale;

/** One plain line per epoch, for logs and pipes where a redrawn bar would be garbage. */
final class EpochLines implements ProgressDisplay {
    private final PrintStream out;
    private final EpochPace pace;
    private int samples;
    private double samplesPerSecond;

    EpochLines(PrintStream out, EpochPace pace) {
        this.out = out;
        this.pace = pace;
    }

    @Override
    public void batchDone(int epoch, int batch, int batches, int samplesDone, double runningLoss, double runningAccuracy) {
        samples = samplesDone;
        if (batch == batches - 1) {
            samplesPerSecond = pace.samplesPerSecond(samplesDone);
        }
    }

    /**
     * The epoch's time in its two parts: the training part is what summary.json's seconds_per_epoch
     * averages, so the two agree; the validation pass after it is shown apart.
     */
    @Override
    public void epochDone(EpochMetrics m) {
        pace.epochFinished(m.epoch());
        int width = String.valueOf(pace.epochs()).length();
        String validation = EpochPace.validation(m.validationAccuracy(), String.format(Locale.ROOT,
                "val loss %.4f  acc %6.2f %%", m.validationLoss(), 100 * m.validationAccuracy()));
        out.printf(Locale.ROOT, "epoch %" + width + "d/%d  train loss %.4f  acc %6.2f %%  %s  "
                        + "%s samples/s  train %.2f s + val %.2f s  ETA %s%n",
                m.epoch() + 1, pace.epochs(), m.trainLoss(), 100 * m.trainAccuracy(), validation,
                EpochPace.rate(samples > 0 ? samplesPerSecond : 0),
                m.trainSeconds(), m.evalSeconds(), EpochPace.clock(pace.remainingAfter(m.epoch())));
        out.flush();
    }

    @Override
    public void finish() {
        out.flush();
    }
}
