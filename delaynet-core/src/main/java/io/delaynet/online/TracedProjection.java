package io.delaynet.online;

import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.TapTable;
import io.delaynet.stepped.network.Projection;

/**
 * One projection of the time-stepped engine ({@link Projection}: its weights, delays, delay
 * interpolation and bounds) run forward in time without a recorded window: its input at step t is
 * gathered from the presynaptic {@link History}, and every trainable weight and delay carries its
 * eligibility trace ({@link Traces}) from step to step.
 *
 * <p>A delayed spike lands on the taps of its delay ({@link TapTable}, the stepped engine's):
 * {@code xt_ij[t] = sum_m value_m(d_ij) x_i[t - offset_m]} is what synapse i -> j delivers (times its
 * weight), and {@code xs_ij[t] = sum_m slope_m(d_ij) x_i[t - offset_m]} its derivative with respect
 * to the delay. With linear taps that is the exact derivative of the linear split between the two
 * neighbouring steps (docs/three-factor.md, section 3).
 */
final class TracedProjection {
    private final Projection projection;
    private final int pre;
    private final int post;
    private final TapTable taps;
    private final double[] tapDelays;
    private final int depth;
    private final boolean hasDelays;

    TracedProjection(Projection projection) {
        this.projection = projection;
        this.pre = projection.pre();
        this.post = projection.post();
        this.hasDelays = projection.kind() != DelayKind.NONE;
        // without delays a spike arrives after `earliest` steps: one whole tap, no slope that matters
        DelayInterpolation interpolation = hasDelays ? projection.interpolation() : new DelayInterpolation.Linear();
        int elements = hasDelays ? projection.delays().size() : 1;
        this.taps = new TapTable(interpolation, projection.earliest(), elements);
        this.tapDelays = new double[elements];
        double longest = hasDelays ? projection.bounds().max() : projection.earliest();
        if (Double.isInfinite(longest)) {
            throw new IllegalArgumentException("an online projection needs an upper bound on its delays (delays.max): "
                    + "the history it keeps is as long as the longest delay");
        }
        TapTable probe = new TapTable(interpolation, projection.earliest(), 1);
        probe.refresh(new double[] {longest});
        int last = 0;
        for (int m = 0; m < probe.count(0); m++) {
            last = Math.max(last, probe.offset(m));
        }
        this.depth = last + 1;
        refresh();
    }

    Projection projection() {
        return projection;
    }

    int pre() {
        return pre;
    }

    int post() {
        return post;
    }

    /** Rows of presynaptic history the longest allowed delay needs. */
    int depth() {
        return depth;
    }

    /** Re-tabulates the taps from the (clamped) delay values; after every optimizer step. */
    void refresh() {
        if (hasDelays) {
            System.arraycopy(projection.delays().values(), 0, tapDelays, 0, tapDelays.length);
        } else {
            tapDelays[0] = projection.earliest();
        }
        taps.refresh(tapDelays);
    }

    private int element(int i, int j) {
        return hasDelays ? projection.delayIndex(i, j) : 0;
    }

    /** Adds what the projection delivers at step t to {@code input[j]}: {@code sum_i w_ij xt_ij[t]}. */
    void addInput(History h, int t, double[] input) {
        double[] w = projection.weights().values();
        double[] rows = h.rows();
        int[] lag = h.lags(t);
        for (int i = 0; i < pre; i++) {
            int wRow = i * post;
            for (int j = 0; j < post; j++) {
                int k = element(i, j);
                int first = taps.first(k);
                double x = 0;
                for (int m = first; m < first + taps.count(k); m++) {
                    int at = lag[taps.offset(m)];
                    if (at >= 0) {
                        x += taps.value(m) * rows[at + i];
                    }
                }
                if (x != 0) {
                    input[j] += w[wRow + j] * x;
                }
            }
        }
    }

    /**
     * Advances the traces of every trainable parameter by step t of the postsynaptic layer and
     * adds what the step contributes to the gradients (null: frozen or absent): the eligibility
     * {@code psi_j du_j/dp} taken to the loss by {@code path} (docs/three-factor.md).
     *
     * @param n    the postsynaptic layer after its step t (psi, the reset Jacobian, constants)
     * @param path from neuron j's spike to the loss, with this step's learning signal
     */
    void trace(History h, int t, LifLayer n, Traces tr, ReadoutPath path, double[] gradWeights, double[] gradDelays) {
        double[] w = projection.weights().values();
        double[] rows = h.rows();
        int[] lag = h.lags(t);
        double alpha = n.alpha();
        double beta = n.beta();
        double[] psi = n.psi();
        double[] jac = n.jacobian();
        boolean weights = tr.weightCurrent != null;
        boolean delays = tr.delayCurrent != null;
        int stride = path.stride();
        for (int i = 0; i < pre; i++) {
            int wRow = i * post;
            for (int j = 0; j < post; j++) {
                int s = wRow + j;
                int k = element(i, j);
                int first = taps.first(k);
                double x = 0;
                double slope = 0;
                for (int m = first; m < first + taps.count(k); m++) {
                    int at = lag[taps.offset(m)];
                    if (at >= 0) {
                        double spike = rows[at + i];
                        x += taps.value(m) * spike;
                        slope += taps.slope(m) * spike;
                    }
                }
                if (weights) {
                    double current = alpha * tr.weightCurrent[s] + x;
                    double potential = beta * tr.weightAfter[s] + current;
                    tr.weightCurrent[s] = current;
                    tr.weightAfter[s] = jac[j] * potential;
                    gradWeights[s] += path.advance(tr.weightPath, s * stride, j, psi[j] * potential);
                }
                if (delays) {
                    double current = alpha * tr.delayCurrent[s] + w[s] * slope;
                    double potential = beta * tr.delayAfter[s] + current;
                    tr.delayCurrent[s] = current;
                    tr.delayAfter[s] = jac[j] * potential;
                    gradDelays[k] += path.advance(tr.delayPath, s * stride, j, psi[j] * potential);
                }
            }
        }
    }
}
