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
 * test is done on e^{-T/2} so that a logarithm is taken only for the accepted candidate. Most
 * candidates are rejected by a cheap test (the membrane is still below threshold and rising at the
 * next arrival, with a margin far above rounding) before the closed form is solved.
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
            boolean last = k + 1 == end;
            double t = candidate(lambert, sumFull, sumHalf, sumTimed, c, ref, arrival[k], h, last,
                    last ? 0 : arrival[k + 1], last ? 0 : halfExp[k + 1]);
            if (!Double.isNaN(t)) {
                causal[slot] = k + 1 - base;
                return t;
            }
        }
        causal[slot] = 0;
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The spike time if the crossing of the membrane driven by the inputs summed so far (running
     * sums a1 = sumFull, a2 = sumHalf, b = sumTimed) falls between the last of them, arriving at
     * {@code a} (absolute time, half exponential {@code h}), and the next arrival {@code aNext}
     * (half exponential {@code hNext}); NaN when it does not, including when no crossing exists.
     * {@code last}: there is no next arrival.
     */
    static double candidate(boolean lambert, double sumFull, double sumHalf, double sumTimed, double c, double ref,
                            double a, double h, boolean last, double aNext, double hNext) {
        double r = root(lambert, sumFull, sumHalf, sumTimed, c, ref, a, h, last, aNext, hNext);
        return Double.isNaN(r) ? Double.NaN : time(lambert, r, ref);
    }

    /**
     * As {@link #candidate}, but the accepted crossing as the closed form gives it: for tau_m =
     * 2 tau_s the root y = e^{-T'/2} of the quadratic (which the next layer and the backward pass
     * reuse instead of exponentials of T), for tau_m = tau_s the shifted time T' = T - ref; NaN when
     * rejected. {@link #time} turns it into the spike time.
     */
    static double root(boolean lambert, double sumFull, double sumHalf, double sumTimed, double c, double ref,
                       double a, double h, boolean last, double aNext, double hNext) {
        if (lambert) {
            if (sumFull == 0 || lambertSurelyPast(sumFull, sumTimed, c, a - ref, h)
                    || !last && lambertSurelyLater(sumFull, sumTimed, c, aNext - ref, hNext)) {
                return Double.NaN;
            }
            double t = lambertCandidate(sumFull, sumTimed, c);
            return t >= a - ref && (last || t <= aNext - ref) ? t : Double.NaN;
        }
        if (!(sumFull > 0) || quadraticSurelyPast(sumFull, sumHalf, h)
                || !last && quadraticSurelyLater(sumFull, sumHalf, c, hNext)) {
            return Double.NaN; // a1 <= 0: no rising crossing, the closed form gives NaN too
        }
        double y = quadraticCandidateY(sumFull, sumHalf, c);
        // y = e^{-T'/2}; T' >= a'  <=>  y * e^{a'/2} <= 1
        return y > 0 && y * h <= 1 && (last || y * hNext >= 1) ? y : Double.NaN;
    }

    /** The spike time of an accepted {@link #root}: ref - 2 ln y (tau_m = 2 tau_s) or ref + T' (tau_m = tau_s). */
    static double time(boolean lambert, double root, double ref) {
        return lambert ? ref + root : ref - 2 * Math.log(root);
    }

    /**
     * Relative margin of the cheap rejection tests below. The closed forms are accurate to about
     * 1e-8 relative in the worst case (a crossing that barely grazes the threshold, where a square
     * root or the Lambert W branch point halves the significant digits), so a candidate rejected
     * with this margin is one the closed form would reject too: the tests save work, never change a
     * result.
     */
    static final double MARGIN = 1e-6;

    /**
     * tau_m = 2 tau_s: whether the crossing of the membrane driven by the inputs summed so far
     * surely comes after the next arrival (whose half exponential is {@code hNext}), so that the
     * candidate need not be solved. In y = e^{-t/2} the membrane (in units of c) is
     * v = a2 y - a1 y^2; it rises until its peak and is concave while it rises. If at the next
     * arrival it is still rising (V = 2 a1 - a2 h >= 0) and below threshold by D = h^2 (c - v) > 0,
     * it stayed below threshold up to there, and concavity puts its crossing at least 2D/V later:
     * far more than the closed form's rounding when D exceeds the margin. A handful of
     * multiply-adds instead of a square root and a division.
     */
    static boolean quadraticSurelyLater(double a1, double a2, double c, double hNext) {
        double a2h = a2 * hNext;
        double ch2 = c * hNext * hNext;
        double rising = 2 * a1 - a2h;
        double below = ch2 - a2h + a1;
        return rising >= 0 && below > MARGIN * (a2h + Math.abs(a1) + ch2 + rising);
    }

    /**
     * tau_m = 2 tau_s: whether the membrane driven by the inputs summed so far peaked before the
     * last of them arrived (half exponential {@code h}), by a margin. The closed form's crossing
     * is the rising one, before the peak, so it then lies before that arrival: no spike between
     * it and the next. (Physically: a falling membrane cannot cross threshold from below.)
     */
    static boolean quadraticSurelyPast(double a1, double a2, double h) {
        double a2h = a2 * h;
        double falling = a2h - 2 * a1; // > 0: peak y* = a2 / (2 a1) comes before y = 1/h
        return falling > MARGIN * (2 * Math.abs(a1) + Math.abs(a2h));
    }

    /**
     * tau_m = tau_s: whether the closed form's crossing surely lies before the last arrival, at
     * shifted time {@code a} (e^a = h^2), by the margin relative to its time scale
     * (1 + |a| + |b/a1|). For a1 > 0 the closed form gives the rising crossing of
     * u = e^{-t}(t a1 - b), before the peak t* = 1 + b/a1, so it suffices that the peak is past.
     * For a1 < 0, F(t) = e^t (u - c) = t a1 - b - c e^t falls everywhere and the closed form gives
     * its only root; if F(a) = -D < 0, the root comes at least D / (|a1| + c e^a) before a.
     */
    static boolean lambertSurelyPast(double a1, double b, double c, double a, double h) {
        double a1a = a1 * a;
        double scale = Math.abs(a1) + Math.abs(a1a) + Math.abs(b);
        if (a1 > 0) {
            double falling = a1a - a1 - b; // a1 (a - t*)
            return falling > MARGIN * scale;
        }
        double e = c * h * h;
        double below = e - a1a + b;
        return below > MARGIN * (scale + e) && below * -a1 > MARGIN * (e - a1) * scale;
    }

    /**
     * tau_m = tau_s: as {@link #quadraticSurelyLater}, for the membrane u = e^{-t} (t a1 - b) at the
     * next arrival's shifted time {@code a} (e^a = hNext^2): still rising (S = a1 (1 - a) + b >= 0,
     * with a1 > 0) and below threshold by D = e^a (c - u) > 0, the crossing is at least D/S later,
     * which the test requires to exceed the margin relative to the time scale of the closed form
     * (1 + |a| + |b/a1|). Saves a Lambert W (several exponentials) per rejected candidate.
     */
    static boolean lambertSurelyLater(double a1, double b, double c, double a, double hNext) {
        double e = c * hNext * hNext;
        double a1a = a1 * a;
        double below = e - a1a + b;
        double rising = a1 - a1a + b;
        double scale = a1 + Math.abs(a1a) + Math.abs(b);
        return a1 > 0 && rising >= 0 && below > MARGIN * (e + scale) && below * a1 > MARGIN * rising * scale;
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
