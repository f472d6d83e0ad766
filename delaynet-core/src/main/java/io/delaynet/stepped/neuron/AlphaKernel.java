package io.delaynet.stepped.neuron;

/**
 * The sampled alpha kernel {@code k[t] = amplitude * (t/tau) * exp(1 - t/tau)}, t = 0, 1, 2, ...
 * It is the SRM's postsynaptic potential (amplitude 1), its refractory response (negative
 * amplitude) and the smoothing kernel of the spike-train loss. {@code k[0] = 0}: an input felt
 * at step t moves the output from step t+1 on.
 *
 * <p>Because {@code t q^t} obeys a two-term recursion, the kernel is applied as a recursive
 * filter with two state variables per channel ("trace" = sum of q^m x[t-m], "ramp" = sum of
 * m q^m x[t-m]) instead of a convolution, so one step costs O(1) whatever the time constant,
 * and the same code runs step by step in an online simulation. SLAYER truncates its sampled
 * kernels once they fall below 0.01 (after about 8 tau for the PSP, 11 steps for its refractory
 * kernel); the recursion does not, so the two agree exactly on windows shorter than that (the
 * reference's T = 10) and differ by less than 0.01 per spike beyond it.
 *
 * @param tau       time constant in steps
 * @param amplitude peak value, reached at t = tau
 */
public record AlphaKernel(double tau, double amplitude) {
    public AlphaKernel {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("kernel time constant must be a positive number, got " + tau);
        }
    }

    /** Per-step decay factor q = exp(-1/tau). */
    public double decay() {
        return Math.exp(-1.0 / tau);
    }

    /** Output gain: k[t] = gain * t * q^t. */
    public double gain() {
        return amplitude * Math.E / tau;
    }

    /** The kernel value at step t >= 0, straight from the formula. */
    public double at(int t) {
        return amplitude * t / tau * Math.exp(1 - t / tau);
    }

    /**
     * Causal filtering of {@code channels} signals laid out as x[t * channels + c]:
     * {@code y[t] = sum_{m>=1} k[m] x[t-m]}.
     */
    public void filter(double[] x, double[] y, int steps, int channels) {
        double q = decay();
        double g = gain();
        double[] trace = new double[channels];
        double[] ramp = new double[channels];
        for (int t = 0; t < steps; t++) {
            int row = t * channels;
            for (int c = 0; c < channels; c++) {
                ramp[c] = q * (ramp[c] + trace[c]);
                trace[c] = q * trace[c] + x[row + c];
                y[row + c] = g * ramp[c];
            }
        }
    }

    /**
     * The adjoint of {@link #filter}: {@code out[t] = sum_{m>=1} k[m] g[t+m]}, i.e. the gradient
     * with respect to the filter's input given the gradient {@code g} with respect to its output.
     */
    public void correlate(double[] g, double[] out, int steps, int channels) {
        double q = decay();
        double gn = gain();
        double[] trace = new double[channels];
        double[] ramp = new double[channels];
        for (int t = steps - 1; t >= 0; t--) {
            int row = t * channels;
            for (int c = 0; c < channels; c++) {
                ramp[c] = q * (ramp[c] + trace[c]);
                trace[c] = q * trace[c] + g[row + c];
                out[row + c] = gn * ramp[c];
            }
        }
    }
}
