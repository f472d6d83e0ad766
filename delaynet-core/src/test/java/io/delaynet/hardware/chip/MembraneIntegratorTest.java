package io.delaynet.hardware.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MembraneIntegratorTest {

    /** Fine-step RK4 of dI/dt = -I/tau_s, dv/dt = -v/tau_m + I, stepping onto every arrival; bisection on the crossing step. */
    static double rk4FirstSpike(double[] arrival, double[] weight, double tauM, double tauS, double threshold,
                                double horizon, double dt) {
        double t = 0;
        double current = 0;
        double v = 0;
        int next = 0;
        while (t < horizon) {
            while (next < arrival.length && arrival[next] <= t) {
                current += weight[next++];
            }
            double stop = next < arrival.length ? Math.min(arrival[next], horizon) : horizon;
            while (t < stop) {
                double h = Math.min(dt, stop - t);
                double[] s = step(current, v, h, tauM, tauS);
                if (s[1] >= threshold) {
                    double lo = 0;
                    double hi = h;
                    for (int it = 0; it < 60; it++) {
                        double mid = 0.5 * (lo + hi);
                        if (step(current, v, mid, tauM, tauS)[1] >= threshold) {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    return t + 0.5 * (lo + hi);
                }
                current = s[0];
                v = s[1];
                t += h;
            }
            if (stop == horizon) {
                break;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double[] step(double i, double v, double h, double tauM, double tauS) {
        double k1i = -i / tauS;
        double k1v = -v / tauM + i;
        double k2i = -(i + 0.5 * h * k1i) / tauS;
        double k2v = -(v + 0.5 * h * k1v) / tauM + (i + 0.5 * h * k1i);
        double k3i = -(i + 0.5 * h * k2i) / tauS;
        double k3v = -(v + 0.5 * h * k2v) / tauM + (i + 0.5 * h * k2i);
        double k4i = -(i + h * k3i) / tauS;
        double k4v = -(v + h * k3v) / tauM + (i + h * k3i);
        return new double[] {i + h / 6 * (k1i + 2 * k2i + 2 * k3i + k4i), v + h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v)};
    }

    @Test
    void matchesFineStepIntegrationForMismatchedTimeConstants() {
        SplittableRandom r = new SplittableRandom(7);
        int spiking = 0;
        int silent = 0;
        for (int trial = 0; trial < 300; trial++) {
            double tauM = r.nextDouble(0.6, 2.6);
            double tauS = r.nextDouble(0.6, 1.5);
            if (trial % 10 == 0) {
                tauS = tauM * (1 + 1e-9 * r.nextGaussian()); // nearly equal: where naive forms cancel
            }
            int n = 1 + r.nextInt(8);
            double[] a = new double[n];
            double[] w = new double[n];
            for (int k = 0; k < n; k++) {
                a[k] = r.nextDouble() * 3;
                w[k] = r.nextDouble(-1.0, 2.5);
            }
            sortTogether(a, w);
            double threshold = r.nextDouble(0.5, 1.5);
            double exact = new MembraneIntegrator(tauM, tauS).firstCrossing(a, w, n, threshold);
            double reference = rk4FirstSpike(a, w, tauM, tauS, threshold, 40, 1e-3);
            if (Double.isInfinite(reference)) {
                silent++;
                assertTrue(Double.isInfinite(exact), "trial " + trial + ": no spike expected, got " + exact);
            } else {
                spiking++;
                assertEquals(reference, exact, 1e-7, "trial " + trial);
            }
        }
        assertTrue(spiking > 100 && silent > 20, spiking + " spiking, " + silent + " silent");
    }

    @Test
    void equalTimeConstantsGiveTheLambertCaseAndSimultaneousInputsActTogether() {
        MembraneIntegrator equal = new MembraneIntegrator(1.0, 1.0);
        // single unit input: v(s) = w s e^{-s}; with w = e and threshold 1 the peak touches 1 at s = 1
        double t = equal.firstCrossing(new double[] {0.5}, new double[] {2 * Math.E}, 1, 1.0);
        double s = t - 0.5;
        assertEquals(1.0, 2 * Math.E * s * Math.exp(-s), 1e-12);
        assertTrue(s < 1);
        double together = equal.firstCrossing(new double[] {0.5, 0.5}, new double[] {Math.E, Math.E}, 2, 1.0);
        assertEquals(t, together, 1e-14);
    }

    @Test
    void noInputOrNetInhibitionGivesNoSpike() {
        MembraneIntegrator m = new MembraneIntegrator(1.3, 0.9);
        assertEquals(Double.POSITIVE_INFINITY, m.firstCrossing(new double[0], new double[0], 0, 1.0));
        assertEquals(Double.POSITIVE_INFINITY, m.firstCrossing(new double[] {0.1, 0.2}, new double[] {-2, 0.5}, 2, 1.0));
    }

    private static void sortTogether(double[] a, double[] w) {
        Integer[] idx = new Integer[a.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(a[x], a[y]));
        double[] a2 = new double[a.length];
        double[] w2 = new double[a.length];
        for (int i = 0; i < idx.length; i++) {
            a2[i] = a[idx[i]];
            w2[i] = w[idx[i]];
        }
        System.arraycopy(a2, 0, a, 0, a.length);
        System.arraycopy(w2, 0, w, 0, w.length);
    }
}
