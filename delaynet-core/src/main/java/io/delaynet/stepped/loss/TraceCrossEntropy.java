package io.delaynet.stepped.loss;

/**
 * Softmax cross-entropy at every step on a low-pass filtered trace of the output spikes, the loss
 * of the online method's spiking read-out (docs/three-factor.md, section 4a):
 * <pre>
 *   r_k[t] = decay r_k[t-1] + z_k[t]          (r_k[-1] = 0)
 *   E = (1/T) sum_t CE(softmax(r[t]), label)
 * </pre>
 * Its error {@code dE/dr_k[t] = (softmax(r[t])_k - [k == label]) / T} is known at step t, which is what
 * an online rule needs. The gradient with respect to the spikes, returned here for backpropagation
 * through time, sums the later errors through the filter: {@code dE/dz_k[t] = sum_{t' >= t}
 * decay^(t'-t) dE/dr_k[t']}. Since the trace sums to about the spike count over 1 - decay, the class
 * it favours is the one with the most spikes.
 *
 * @param decay the trace's factor per step, exp(-dt / tau), in (0, 1)
 */
public record TraceCrossEntropy(double decay) implements SpikeLoss {
    public TraceCrossEntropy {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the spike trace's decay must be in (0, 1), got " + decay);
        }
    }

    @Override
    public double evaluate(double[] spikes, int steps, int classes, int label, double[] gradient) {
        double[] trace = new double[classes];
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                trace[k] = decay * trace[k] + spikes[t * classes + k];
            }
            loss += Softmax.crossEntropy(trace, label);
            if (gradient != null) {
                double[] p = Softmax.probabilities(trace);
                for (int k = 0; k < classes; k++) {
                    gradient[t * classes + k] = (p[k] - (k == label ? 1.0 : 0.0)) / steps;
                }
            }
        }
        if (gradient != null) {
            // from dE/dr[t] to dE/dz[t]: the later errors, each seen through the filter
            for (int t = steps - 2; t >= 0; t--) {
                for (int k = 0; k < classes; k++) {
                    gradient[t * classes + k] += decay * gradient[(t + 1) * classes + k];
                }
            }
        }
        return loss / steps;
    }
}
