package io.delaynet.event;

/**
 * The principal branch W0 of the Lambert W function, the inverse of w·e^w on w ≥ -1.
 * DelGrad needs it for the first-spike time when tau_m = tau_s; no Java library on Maven Central
 * ships it. Halley's iteration from a branch-aware initial guess converges in a handful of steps;
 * near the branch point z = -1/e the series in p = sqrt(2(ez + 1)) starts close enough that
 * cancellation, not convergence, limits the accuracy.
 */
public final class LambertW {
    /** The branch point -1/e, below which W0 is not real (the membrane never reaches threshold). */
    public static final double BRANCH_POINT = -1.0 / Math.E;
    private static final int MAX_ITERATIONS = 12;

    private LambertW() {
    }

    /** W0(z) for z ≥ -1/e; NaN below the branch point or for NaN input; +inf for +inf. */
    public static double w0(double z) {
        if (!(z >= BRANCH_POINT)) {
            // Round-off can put a grazing threshold crossing a hair below -1/e; treat it as the branch point.
            return z > BRANCH_POINT - 1e-15 ? -1.0 : Double.NaN;
        }
        if (z == 0) {
            return 0;
        }
        if (z == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double w = initialGuess(z);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double e = Math.exp(w);
            double f = w * e - z;
            double w1 = w + 1;
            if (w1 == 0 || f == 0) {
                break;
            }
            double step = f / (e * w1 - (w + 2) * f / (2 * w1));
            w -= step;
            if (Math.abs(step) <= 1e-15 * (1 + Math.abs(w))) {
                break;
            }
        }
        return w;
    }

    private static double initialGuess(double z) {
        if (z < -0.25) {
            double p = Math.sqrt(Math.max(0, 2 * (Math.E * z + 1)));
            return -1 + p - p * p / 3 + 11.0 / 72 * p * p * p;
        }
        if (z < 3) {
            double l = Math.log1p(z);
            return l * (1 - Math.log1p(l) / (2 + l));
        }
        double l = Math.log(z);
        double ll = Math.log(l);
        return l - ll + ll / l;
    }
}
