package io.delaynet.stepped.loss;

/**
 * The "kernel" loss of neighbourhood aggregation (Yang, Zhang &amp; Li 2021; TSSL-BP's loss):
 * {@code L = sum_t sum_k 1/2 ((sigma * d_k)[t] - a_k[t])^2}, where {@code a_k = sigma * s_k} is the
 * output neuron's spike train through the first-order synaptic filter
 * {@code a[t] = (1 - 1/tau) a[t-1] + s[t] / tau} and the desired train {@code d_k} is a spike at
 * every step for the label neuron, none for the others.
 *
 * <p>dL/ds follows from dL/da = a - sigma*d by the filter's adjoint:
 * {@code dL/ds[t] = (1/tau) sum_{t' >= t} (1 - 1/tau)^(t'-t) dL/da[t']}.
 *
 * @param tau the filter's time constant in steps (>= 1), the neurons' tau_syn
 */
public record FilteredKernelLoss(double tau) implements SpikeLoss {
    public FilteredKernelLoss {
        if (!(tau >= 1) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("kernel loss filter tau must be a number of steps >= 1, got " + tau);
        }
    }

    @Override
    public double evaluate(double[] spikes, int steps, int classes, int label, double[] gradient) {
        double decay = 1 - 1 / tau;
        double gain = 1 / tau;
        double[] a = new double[classes];
        double[] target = new double[classes];
        double[] error = gradient == null ? null : new double[steps * classes];
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                a[k] = decay * a[k] + gain * spikes[t * classes + k];
                target[k] = decay * target[k] + gain * (k == label ? 1.0 : 0.0);
                double diff = a[k] - target[k];
                loss += 0.5 * diff * diff;
                if (error != null) {
                    error[t * classes + k] = diff;
                }
            }
        }
        if (gradient != null) {
            double[] carried = new double[classes];
            for (int t = steps - 1; t >= 0; t--) {
                for (int k = 0; k < classes; k++) {
                    carried[k] = error[t * classes + k] + decay * carried[k];
                    gradient[t * classes + k] = gain * carried[k];
                }
            }
        }
        return loss;
    }
}
