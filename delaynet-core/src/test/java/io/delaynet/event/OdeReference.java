package io.delaynet.event;

/**
 * An independent reference for spike times: fourth-order Runge-Kutta integration of the neuron's
 * two ODEs (synaptic current and membrane), stepping exactly onto every input arrival, with the
 * threshold crossing located by bisection on re-integrated sub-steps. It knows nothing of kernels,
 * causal sets or closed forms.
 */
final class OdeReference {
    private OdeReference() {
    }

    /** First time u reaches the threshold, or +inf before {@code horizon}. Arrivals need not be sorted. */
    static double firstSpike(double[] arrival, double[] weight, LifModel model, double horizon, double dt) {
        int n = arrival.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(arrival[a], arrival[b]));
        double gl = model.leakConductance();
        double theta = model.threshold();
        double t = 0;
        double current = 0;
        double u = 0;
        int next = 0;
        while (t < horizon) {
            while (next < n && arrival[order[next]] <= t) {
                if (Double.isFinite(arrival[order[next]])) {
                    current += weight[order[next]];
                }
                next++;
            }
            double stop = next < n && Double.isFinite(arrival[order[next]]) ? Math.min(arrival[order[next]], horizon) : horizon;
            while (t < stop) {
                double h = Math.min(dt, stop - t);
                double[] s = step(current, u, h, gl);
                if (s[1] >= theta) {
                    double lo = 0;
                    double hi = h;
                    for (int it = 0; it < 60; it++) {
                        double mid = 0.5 * (lo + hi);
                        if (step(current, u, mid, gl)[1] >= theta) {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    return t + 0.5 * (lo + hi);
                }
                current = s[0];
                u = s[1];
                t += h;
            }
            if (stop == horizon) {
                break;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** One RK4 step of dI/dt = -I, du/dt = -g_l u + I (tau_s = C_m = 1). */
    private static double[] step(double current, double u, double h, double gl) {
        double k1i = -current;
        double k1u = -gl * u + current;
        double i2 = current + 0.5 * h * k1i;
        double u2 = u + 0.5 * h * k1u;
        double k2i = -i2;
        double k2u = -gl * u2 + i2;
        double i3 = current + 0.5 * h * k2i;
        double u3 = u + 0.5 * h * k2u;
        double k3i = -i3;
        double k3u = -gl * u3 + i3;
        double i4 = current + h * k3i;
        double u4 = u + h * k3u;
        double k4i = -i4;
        double k4u = -gl * u4 + i4;
        return new double[] {current + h / 6 * (k1i + 2 * k2i + 2 * k3i + k4i), u + h / 6 * (k1u + 2 * k2u + 2 * k3u + k4u)};
    }
}
