package io.delaynet.event;

/**
 * The exact first threshold crossing of one neuron, by the causal-set scan: with the inputs
 * sorted by arrival time, the k-th candidate is the closed-form crossing of the membrane driven by
 * the first k inputs only, and it is real only if it falls between the k-th and (k+1)-th arrival.
 * Before the first crossing the membrane is below threshold, so the first real candidate is the
 * spike; the running sums make the scan O(n).
 *
 * <p>Numerics: every exponential is taken relative to a reference time {@code ref} (the caller
 * passes {@code halfExp[k] = exp((a_k - ref)/2)}), so late spikes never overflow, and the interval
 * test is done on e^{-T/2} so that a logarithm is taken only for the accepted candidate.
 *
 * <p>Edge cases, decided once: inputs that arrive at the same instant are summed before any
 * crossing is tested (no crossing can fall between them); an empty input list, or a membrane
 * that never reaches threshold, gives {@code +inf}.
 */
public final class FirstSpike {
    private FirstSpike() {
    }

    /**
     * @param base     offset of the first arrival in the arrays
     * @param n        number of arrivals (silent inputs already removed)
     * @param arrival  arrival times, ascending
     * @param weight   weights in arrival order
     * @param halfExp  exp((arrival - ref)/2) in arrival order
     * @param ref      reference time of the exponentials
     * @param model    neuron model (tau ratio 1 or 2)
     * @param causal   receives, at {@code slot}, the number of inputs in the causal set (0 if no spike)
     * @return the spike time, or +inf
     */
    public static double scan(int base, int n, double[] arrival, double[] weight, double[] halfExp, double ref,
                              LifModel model, int[] causal, int slot) {
        double c = model.threshold() * model.leakConductance();
        boolean lambert = model.equalTimeConstants();
        double sumFull = 0;   // sum w e^{a'}       (a_1 in the papers)
        double sumHalf = 0;   // sum w e^{a'/2}     (a_2, tau_m = 2 tau_s)
        double sumTimed = 0;  // sum w a' e^{a'}    (b, tau_m = tau_s)
        int end = base + n;
        for (int k = base; k < end; k++) {
            double h = halfExp[k];
            double full = h * h;
            double w = weight[k];
            sumFull += w * full;
            if (lambert) {
                sumTimed += w * (arrival[k] - ref) * full;
            } else {
                sumHalf += w * h;
            }
            if (k + 1 < end && arrival[k + 1] == arrival[k]) {
                continue; // simultaneous inputs act together
            }
            double t = lambert ? lambertCandidate(sumFull, sumTimed, c)
                    : quadraticCandidateY(sumFull, sumHalf, c);
            if (lambert) {
                if (t >= arrival[k] - ref && (k + 1 == end || t <= arrival[k + 1] - ref)) {
                    causal[slot] = k + 1 - base;
                    return ref + t;
                }
            } else if (t > 0) {
                // t is y = e^{-T'/2}; T' >= a'_k  <=>  y * e^{a'_k/2} <= 1
                if (t * h <= 1 && (k + 1 == end || t * halfExp[k + 1] >= 1)) {
                    causal[slot] = k + 1 - base;
                    return ref - 2 * Math.log(t);
                }
            }
        }
        causal[slot] = 0;
        return Double.POSITIVE_INFINITY;
    }

    /**
     * tau_m = 2 tau_s: the larger root y of a1 y^2 - a2 y + c = 0, y = e^{-T'/2}, or NaN when there
     * is none (a1 ≤ 0 cannot give a rising crossing after the last arrival).
     */
    static double quadraticCandidateY(double a1, double a2, double c) {
        if (!(a1 > 0)) {
            return Double.NaN;
        }
        double disc = a2 * a2 - 4 * a1 * c;
        if (disc < 0) {
            return Double.NaN;
        }
        return (a2 + Math.sqrt(disc)) / (2 * a1);
    }

    /**
     * tau_m = tau_s: T' = b/a1 - W0(-(c/a1) e^{b/a1}), the rising-flank solution of
     * e^{-T'}(T' a1 - b) = c; NaN when the membrane peak stays below threshold.
     */
    static double lambertCandidate(double a1, double b, double c) {
        if (a1 == 0) {
            return Double.NaN;
        }
        double ratio = b / a1;
        double z = -(c / a1) * Math.exp(ratio);
        double w = LambertW.w0(z);
        return Double.isNaN(w) ? Double.NaN : ratio - w;
    }
}
