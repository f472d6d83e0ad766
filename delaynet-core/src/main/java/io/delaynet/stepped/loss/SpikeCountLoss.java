package io.delaynet.stepped.loss;

/**
 * The "count" loss of TSSL-BP and neighbourhood aggregation: every output neuron should fire a
 * given number of spikes in the window, {@code desired} for the label neuron and
 * {@code undesired} for the others: {@code L = sum_k 1/2 (n_k - target_k)^2}, with
 * {@code n_k} the neuron's spike count. Every step of a neuron gets the same gradient
 * {@code n_k - target_k}.
 *
 * @param desired   target count of the label neuron (the released code's CIFAR-10 setting: 5)
 * @param undesired target count of every other neuron (1)
 */
public record SpikeCountLoss(double desired, double undesired) implements SpikeLoss {
    public SpikeCountLoss {
        if (!(desired >= 0) || !(undesired >= 0) || Double.isInfinite(desired) || Double.isInfinite(undesired)) {
            throw new IllegalArgumentException("spike count targets must be numbers >= 0, got " + desired + " and "
                    + undesired);
        }
    }

    @Override
    public double evaluate(double[] spikes, int steps, int classes, int label, double[] gradient) {
        double[] counts = new double[classes];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                counts[k] += spikes[t * classes + k];
            }
        }
        double loss = 0;
        for (int k = 0; k < classes; k++) {
            double diff = counts[k] - (k == label ? desired : undesired);
            counts[k] = diff;
            loss += 0.5 * diff * diff;
        }
        if (gradient != null) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(counts, 0, gradient, t * classes, classes);
            }
        }
        return loss;
    }
}
