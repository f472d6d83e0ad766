package io.delaynet.event.loss;

/**
 * A loss on the output spike times of a time-to-first-spike network. Times are in units of tau_s;
 * a silent output neuron has time +inf.
 */
public interface SpikeTimeLoss {

    /**
     * The loss of one sample and, into {@code gradient}, dL/dt for every output. A non-finite loss
     * is returned as is; the caller decides what to do with it (DelGrad replaces it by a constant).
     */
    double loss(double[] times, int label, double[] gradient);

    /** The predicted class: the earliest output spike (lowest index on ties), -1 if none spiked. */
    default int predict(double[] times) {
        int best = -1;
        double earliest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < times.length; k++) {
            if (times[k] < earliest) {
                earliest = times[k];
                best = k;
            }
        }
        return best;
    }
}
