package io.delaynet.stepped.loss;

/**
 * Time-to-first-spike classification: cross-entropy of the softmax over {@code -t_k / tau}, where
 * {@code t_k} is the step of neuron k's first spike ({@code steps} when it stays silent), so the
 * label neuron is pushed to fire first and the others later.
 *
 * <p>The first-spike step is written as a function of the spike train,
 * {@code t_k = sum_t prod_{t' <= t} (1 - s_k[t'])} (the number of steps before the first spike),
 * which is exact for binary spikes and smooth in graded ones; its derivative is what the backward
 * pass uses. For binary spikes with the first spike at {@code t*}, an extra spike at any earlier
 * step t would make {@code t_k} smaller by {@code t* - t}, which is the gradient it gets.
 *
 * @param tau temperature in steps: a one-step lead changes the logit by 1/tau
 */
public record FirstSpikeLoss(double tau) implements SpikeLoss {
    public FirstSpikeLoss {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("first-spike temperature must be a positive number, got " + tau);
        }
    }

    @Override
    public double evaluate(double[] spikes, int steps, int classes, int label, double[] gradient) {
        double[] logits = new double[classes];
        for (int k = 0; k < classes; k++) {
            logits[k] = -firstSpikeStep(spikes, steps, classes, k) / tau;
        }
        if (gradient != null) {
            double[] p = Softmax.probabilities(logits);
            for (int k = 0; k < classes; k++) {
                // dL/dt_k = dL/dz_k * dz_k/dt_k
                double perStep = (p[k] - (k == label ? 1.0 : 0.0)) * (-1.0 / tau);
                for (int t = 0; t < steps; t++) {
                    gradient[t * classes + k] = perStep * firstSpikeStepSlope(spikes, steps, classes, k, t);
                }
            }
        }
        return Softmax.crossEntropy(logits, label);
    }

    /** {@code sum_t prod_{t' <= t} (1 - s[t'])}. */
    static double firstSpikeStep(double[] spikes, int steps, int classes, int k) {
        double survive = 1;
        double total = 0;
        for (int t = 0; t < steps; t++) {
            survive *= 1 - spikes[t * classes + k];
            total += survive;
        }
        return total;
    }

    /**
     * d firstSpikeStep / d s[at] = -sum_{t >= at} prod_{t' <= t, t' != at} (1 - s[t']), computed
     * without dividing by (1 - s[at]), which is zero at a spike.
     */
    static double firstSpikeStepSlope(double[] spikes, int steps, int classes, int k, int at) {
        double before = 1;
        for (int t = 0; t < at; t++) {
            before *= 1 - spikes[t * classes + k];
        }
        double slope = -before;
        double product = before;
        for (int t = at + 1; t < steps; t++) {
            product *= 1 - spikes[t * classes + k];
            slope -= product;
        }
        return slope;
    }
}
