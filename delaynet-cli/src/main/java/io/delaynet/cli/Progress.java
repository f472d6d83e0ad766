package io.delaynet.cli;

import io.delaynet.train.EpochMetrics;
import io.delaynet.train.TrainingListener;
import java.util.Locale;

/** Per-epoch progress lines on standard output. */
class Progress implements TrainingListener, AutoCloseable {
    private final boolean quiet;
    private int totalEpochs = -1;

    Progress(boolean quiet) {
        this.quiet = quiet;
    }

    static Progress forConsole(boolean quiet) {
        return new Progress(quiet);
    }

    @Override
    public void epochDone(EpochMetrics m) {
        if (quiet) {
            return;
        }
        System.out.printf(Locale.ROOT, "epoch %4d  train loss %.4f  train acc %6.2f %%  val loss %.4f  val acc %6.2f %%  %.3f s%n",
                m.epoch() + 1, m.trainLoss(), 100 * m.trainAccuracy(), m.validationLoss(), 100 * m.validationAccuracy(),
                m.trainSeconds());
    }

    @Override
    public void close() {
    }
}
