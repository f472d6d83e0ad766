package io.delaynet.hardware.chip;

/**
 * The first threshold crossing of a current-based LIF neuron with arbitrary time constants,
 * integrated exactly from input arrival to input arrival; the closed forms of the ideal engine
 * need tau_m/tau_s = 1 or 2, which a mismatched chip neuron never has.
 *
 * <p>Units: C_m = 1 (the nominal tau_s), potentials relative to the neuron's leak potential.
 * Between arrivals the state (v, I) evolves in closed form, s after the last arrival:
 * <pre>
 *   I(s) = I e^{-s/tau_s}
 *   v(s) = e^{-s/tau_m} (v + I g(s)),   g(s) = (1 - e^{-δ s})/δ,   δ = 1/tau_s - 1/tau_m
 * </pre>
 * written with expm1 so that it stays accurate as δ → 0 (g → s, the tau_m = tau_s case), where
 * the textbook difference of two exponentials cancels. v is a sum of two exponentials, so it has
 * at most one stationary point in an interval: with I ≤ 0, or v'(0) ≤ 0, it cannot rise; else it
 * rises up to the peak s* = (log1p(δ tau_m) - log1p(δ v/I))/δ (s* = tau_m - v/I for δ = 0). The
 * crossing, if v(min(s*, L)) reaches threshold, is the unique root on the rising part and is found
 * by Newton's method kept inside the shrinking bracket (bisection when a step leaves it).
 *
 * <p>Accuracy: iterations stop when the bracket or the step is below {@value #TOLERANCE} tau_s,
 * so crossings are located to about 1e-12 tau_s; only near-grazing crossings (v' ≈ 0 at the
 * threshold) are less precise, as for any method, since there the time is ill-conditioned.
 * Equal arrival times are summed before any crossing is tested, as in the ideal engine.
 */
public final class MembraneIntegrator {
    static final double TOLERANCE = 1e-13;
    private static final int MAX_ITERATIONS = 200;

    private final double tauM;
    private final double tauS;
    private final double delta;

    public MembraneIntegrator(double tauM, double tauS) {
        if (!(tauM > 0) || !(tauS > 0) || Double.isInfinite(tauM) || Double.isInfinite(tauS)) {
            throw new IllegalArgumentException("time constants must be positive and finite, got " + tauM + ", " + tauS);
        }
        this.tauM = tauM;
        this.tauS = tauS;
        this.delta = 1 / tauS - 1 / tauM;
    }

    /**
     * @param arrival   arrival times, ascending, the first {@code n} are used
     * @param weight    their weights (jumps of the synaptic current)
     * @param threshold distance from the leak potential to the threshold, &gt; 0
     * @return the first crossing time, or +inf
     */
    public double firstCrossing(double[] arrival, double[] weight, int n, double threshold) {
        double v = 0;
        double current = 0;
        int k = 0;
        while (k < n) {
            double start = arrival[k];
            while (k < n && arrival[k] == start) {
                current += weight[k++];
            }
            boolean rising = current > 0 && current - v / tauM > 0;
            if (k == n) {
                double s = rising ? crossingWithin(v, current, Double.POSITIVE_INFINITY, threshold) : Double.NaN;
                return Double.isNaN(s) ? Double.POSITIVE_INFINITY : start + s;
            }
            double length = arrival[k] - start;
            double vEnd = membrane(v, current, length);
            double currentEnd = current * Math.exp(-length / tauS);
            if (rising && (vEnd >= threshold || -vEnd / tauM + currentEnd < 0)) {
                // reaches threshold by the end, or peaks inside the interval: look closer
                double s = crossingWithin(v, current, length, threshold);
                if (!Double.isNaN(s)) {
                    return start + s;
                }
            }
            v = vEnd;
            current = currentEnd;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** v(s) from the state (v, I) at s = 0. */
    double membrane(double v, double current, double s) {
        double g = delta == 0 ? s : -Math.expm1(-delta * s) / delta;
        return Math.exp(-s / tauM) * (v + current * g);
    }

    private double slope(double v, double current, double s, double vAtS) {
        return -vAtS / tauM + current * Math.exp(-s / tauS);
    }

    /** The crossing in [0, length] after a state (v, I), or NaN if the membrane stays below. */
    private double crossingWithin(double v, double current, double length, double threshold) {
        if (v >= threshold) {
            return 0; // only by round-off at an interval boundary
        }
        if (!(current > 0) || current - v / tauM <= 0) {
            return Double.NaN; // falling from the start: cannot rise in this interval
        }
        double peak = peakTime(v, current);
        double top = Math.max(0, Math.min(peak, length));
        if (top == Double.POSITIVE_INFINITY || membrane(v, current, top) < threshold) {
            return Double.NaN;
        }
        double lo = 0;
        double hi = top;
        double s = lo;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double vs = membrane(v, current, s);
            double f = vs - threshold;
            if (f == 0) {
                return s;
            }
            if (f < 0) {
                lo = s;
            } else {
                hi = s;
            }
            double fp = slope(v, current, s, vs);
            double next = s - f / fp;
            if (!(fp > 0) || !(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - s) < TOLERANCE || hi - lo < TOLERANCE) {
                return next;
            }
            s = next;
        }
        return 0.5 * (lo + hi);
    }

    /** Where v' = 0 for a rising start (I &gt; 0, v'(0) &gt; 0); +inf if it rises for ever. */
    private double peakTime(double v, double current) {
        double x = v / current;
        if (delta == 0) {
            return tauM - x;
        }
        double inner = delta * x;
        if (!(inner > -1)) {
            return Double.POSITIVE_INFINITY;
        }
        return (Math.log1p(delta * tauM) - Math.log1p(inner)) / delta;
    }
}
