package io.delaynet.hardware.loop;

import io.delaynet.event.loss.SpikeTimeLoss;

/**
 * A loss with a chip readout's decision rule. A chip's clock may report equal output times, so
 * the predicted class is the unique earliest output, and a tie for the earliest time is no
 * decision and counts as wrong (rather than going to the lowest index). The loss and its gradient
 * are the wrapped loss's.
 */
public final class NoDecisionOnTies implements SpikeTimeLoss {
    private final SpikeTimeLoss loss;

    public NoDecisionOnTies(SpikeTimeLoss loss) {
        this.loss = loss;
    }

    @Override
    public double loss(double[] times, int label, double[] gradient) {
        return loss.loss(times, label, gradient);
    }

    /** The unique earliest output, or -1 when none spiked or several share the earliest time. */
    @Override
    public int predict(double[] times) {
        int best = -1;
        double earliest = Double.POSITIVE_INFINITY;
        boolean tied = false;
        for (int k = 0; k < times.length; k++) {
            if (times[k] < earliest) {
                earliest = times[k];
                best = k;
                tied = false;
            } else if (times[k] == earliest && earliest < Double.POSITIVE_INFINITY) {
                tied = true;
            }
        }
        return tied ? -1 : best;
    }
}
