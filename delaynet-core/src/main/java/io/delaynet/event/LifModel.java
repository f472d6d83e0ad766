package io.delaynet.event;

/**
 * The current-based LIF neuron of DelGrad / Fast&amp;Deep in units where tau_s = 1 and C_m = tau_s:
 * <pre>
 *   du/dt = -(u - E_l)/tau_m + I(t),   I(t) = sum_i w_i H(t - a_i) exp(-(t - a_i))
 * </pre>
 * with arrival times a_i (spike time plus delay). Only the first threshold crossing counts, so no
 * reset is modelled. The postsynaptic potential of one unit-weight input is the kernel
 * {@code kappa(s)}, s = t - a_i ≥ 0:
 * <ul>
 *   <li>tau_m = tau_s: kappa(s) = s e^{-s}</li>
 *   <li>tau_m = r tau_s, r ≠ 1: kappa(s) = r/(r-1) (e^{-s/r} - e^{-s})</li>
 * </ul>
 * Closed-form spike times exist for r = 1 (Lambert W) and r = 2 (a quadratic in e^{-t/2}).
 *
 * @param tauRatio  tau_m / tau_s; 1 or 2 for the exact event-driven engine
 * @param threshold theta - E_l, the distance from rest to threshold
 */
public record LifModel(double tauRatio, double threshold) {
    public LifModel {
        if (!(tauRatio > 0) || Double.isInfinite(tauRatio)) {
            throw new IllegalArgumentException("tau_m/tau_s must be a positive number, got " + tauRatio);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be > 0 (above the resting potential), got " + threshold);
        }
    }

    /** tau_m = 2 tau_s, theta = 1: the DelGrad simulation configs. */
    public static LifModel delGradDefault() {
        return new LifModel(2.0, 1.0);
    }

    public boolean equalTimeConstants() {
        return tauRatio == 1.0;
    }

    /** Whether the closed-form spike time exists (r = 1 or r = 2). */
    public boolean hasClosedForm() {
        return tauRatio == 1.0 || tauRatio == 2.0;
    }

    /** The leak conductance g_l = tau_s / tau_m in these units. */
    public double leakConductance() {
        return 1.0 / tauRatio;
    }

    /** The PSP of a unit-weight input s time units after its arrival (0 for s &lt; 0). */
    public double kernel(double s) {
        if (s <= 0) {
            return 0;
        }
        if (tauRatio == 1.0) {
            return s * Math.exp(-s);
        }
        return tauRatio / (tauRatio - 1) * (Math.exp(-s / tauRatio) - Math.exp(-s));
    }

    /** d kappa / ds. */
    public double kernelSlope(double s) {
        if (s < 0) {
            return 0;
        }
        if (tauRatio == 1.0) {
            return (1 - s) * Math.exp(-s);
        }
        return tauRatio / (tauRatio - 1) * (Math.exp(-s) - Math.exp(-s / tauRatio) / tauRatio);
    }
}
