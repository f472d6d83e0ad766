package io.delaynet.event.loss;

/**
 * Fast&amp;Deep's time-to-first-spike cross-entropy with the early-output regulariser: a softmax
 * over negative spike times with temperature xi, plus a push of the label spike to early times.
 * <pre>
 *   L = log sum_k exp(-t_k/xi) + t_label/xi + alpha exp(t_label/beta)
 * </pre>
 * Silent outputs (+inf) drop out of the softmax.
 */
public record TtfsCrossEntropy(double xi, double alpha, double beta) implements SpikeTimeLoss {

    @Override
    public double loss(double[] times, int label, double[] gradient) {
        double earliest = Double.POSITIVE_INFINITY;
        for (double t : times) {
            earliest = Math.min(earliest, t);
        }
        double sum = 0;
        for (double t : times) {
            sum += Math.exp(-(t - earliest) / xi);
        }
        double tLabel = times[label];
        double regulariser = alpha * Math.exp(tLabel / beta);
        double loss = Math.log(sum) - earliest / xi + tLabel / xi + regulariser;
        for (int k = 0; k < times.length; k++) {
            double softmax = Math.exp(-(times[k] - earliest) / xi) / sum;
            gradient[k] = -softmax / xi;
        }
        gradient[label] += 1 / xi + regulariser / beta;
        return loss;
    }
}
