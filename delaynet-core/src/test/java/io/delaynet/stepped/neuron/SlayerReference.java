package io.delaynet.stepped.neuron;

/**
 * A literal re-implementation of the reference's SRM forward pass (SLAYER, Ts = 1), written the
 * way the reference computes it, for comparison: kernels sampled and truncated as in
 * {@code _calculateAlphaKernel}, the PSP as an explicit causal convolution, and spikes found by
 * scanning time and adding the refractory kernel into the membrane in place, as
 * {@code getSpikes} does.
 */
public final class SlayerReference {
    private SlayerReference() {
    }

    /** SLAYER's sampled alpha kernel: stops once |value| < epsilon after t > tau. */
    public static double[] kernel(double tau, double mult, int maxLength) {
        double[] k = new double[maxLength];
        int n = 0;
        for (int t = 0; t < maxLength; t++) {
            double v = mult * t / tau * Math.exp(1 - t / tau);
            if (Math.abs(v) < 0.01 && t > tau) {
                break;
            }
            k[n++] = v;
        }
        return java.util.Arrays.copyOf(k, n);
    }

    /** psp[t] = sum_k eps[k] x[t-k] for one channel. */
    public static double[] psp(double[] x, double[] eps) {
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            for (int k = 0; k < eps.length && k <= t; k++) {
                y[t] += eps[k] * x[t - k];
            }
        }
        return y;
    }

    /** Spikes of one neuron from its membrane potential without refractoriness; u is updated in place. */
    public static double[] spikes(double[] u, double[] refractory, double theta) {
        double[] s = new double[u.length];
        for (int t = 0; t < u.length; t++) {
            if (u[t] >= theta) {
                s[t] = 1;
                for (int k = 0; k < refractory.length && t + k < u.length; k++) {
                    u[t + k] += refractory[k];
                }
            }
        }
        return s;
    }

    /** The exponential surrogate of {@code _spikeFunction.backward}. */
    public static double rho(double u, double theta, double tauRho, double scaleRho) {
        double tau = tauRho * theta;
        return scaleRho / tau * Math.exp(-Math.abs(u - theta) / tau);
    }
}
