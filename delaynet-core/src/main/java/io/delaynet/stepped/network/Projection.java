package io.delaynet.stepped.network;

import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.DelayKind;
import io.delaynet.stepped.delay.Taps;
import io.delaynet.train.ParameterGroup;
import java.util.Arrays;

/**
 * All-to-all connections with a weight and a (shared or own) delay per connection: turns the
 * spikes of {@code pre} neurons into the input each of {@code post} neurons receives per step,
 * and backpropagates through that.
 *
 * <p>Delays act on spikes, before the postsynaptic neuron's own filtering (PSP kernel or
 * membrane). The reference delays the PSP of each input instead; shifting and filtering are both
 * linear and time-invariant, so the forward pass is identical, and the reference's delay
 * gradient {@code -sum_t g[t] (y[t] - y[t-1])} on the PSP equals the same finite difference on
 * the spike train with g taken after the filter's adjoint. Working on spikes lets the cost follow
 * the number of spikes.
 *
 * <p>Buffers: {@code arrival} holds {@code 2 * steps + 1} rows of {@code post} values. Only rows
 * below {@code steps} are part of the simulated window; the rows above absorb spikes delayed past
 * its end, so the hot loops need no bounds test (whole-step delays are capped at {@code steps},
 * since any longer delay also lands outside the window).
 */
public final class Projection {
    private final int pre;
    private final int post;
    private final int steps;
    private final DelayKind kind;
    private final DelayInterpolation interpolation;
    private final DelayBounds bounds;
    private final ParameterGroup weights;
    private final ParameterGroup delays;
    private final int preStride;
    private final int postStride;
    /**
     * Whole-step delays of an integer shift, capped at steps and premultiplied by {@code post}
     * (the distance between arrival rows), refreshed from the delay values; null otherwise.
     */
    private final int[] shift;

    public Projection(int pre, int post, int steps, DelayKind kind, DelayInterpolation interpolation,
                      DelayBounds bounds, ParameterGroup weights, ParameterGroup delays) {
        if (weights.size() != pre * post) {
            throw new IllegalArgumentException("weights of " + weights.name() + " have " + weights.size()
                    + " values, expected " + pre * post);
        }
        if (delays.size() != kind.count(pre, post)) {
            throw new IllegalArgumentException("delays of " + delays.name() + " have " + delays.size()
                    + " values, expected " + kind.count(pre, post) + " for " + kind + " delays");
        }
        this.pre = pre;
        this.post = post;
        this.steps = steps;
        this.kind = kind;
        this.interpolation = interpolation;
        this.bounds = bounds;
        this.weights = weights;
        this.delays = delays;
        this.preStride = kind.preStride(post);
        this.postStride = kind.postStride();
        this.shift = interpolation instanceof DelayInterpolation.IntegerShift ? new int[delays.size()] : null;
        clampDelays();
    }

    public int pre() {
        return pre;
    }

    public int post() {
        return post;
    }

    public DelayKind kind() {
        return kind;
    }

    public DelayInterpolation interpolation() {
        return interpolation;
    }

    public DelayBounds bounds() {
        return bounds;
    }

    public ParameterGroup weights() {
        return weights;
    }

    public ParameterGroup delays() {
        return delays;
    }

    /** Length of the arrival and arrival-gradient buffers. */
    public int arrivalLength() {
        return (2 * steps + 1) * post;
    }

    /** Index of the delay of connection (i, j). */
    public int delayIndex(int i, int j) {
        return i * preStride + j * postStride;
    }

    /**
     * Keeps the delays within their bounds and refreshes what is derived from them; to be called
     * whenever the delay values change (after each optimizer step).
     */
    public void clampDelays() {
        bounds.clamp(delays.values());
        if (shift != null) {
            DelayInterpolation.IntegerShift integer = (DelayInterpolation.IntegerShift) interpolation;
            double[] d = delays.values();
            for (int k = 0; k < d.length; k++) {
                shift[k] = Math.min(steps, integer.rounding().steps(d[k])) * post;
            }
        }
    }

    /** Writes the input of every postsynaptic neuron per step into {@code arrival} (overwritten). */
    public void forward(SpikeEvents in, double[] arrival, Taps taps) {
        Arrays.fill(arrival, 0, arrivalLength(), 0.0);
        double[] w = weights.values();
        for (int t = 0; t < steps; t++) {
            for (int k = in.from(t); k < in.to(t); k++) {
                int i = in.neuron(k);
                double v = in.value(k);
                if (shift != null) {
                    forwardShift(t, i, v, w, arrival);
                } else {
                    forwardTaps(t, i, v, w, arrival, taps);
                }
            }
        }
    }

    private void forwardShift(int t, int i, double v, double[] w, double[] arrival) {
        int wRow = i * post;
        int dRow = i * preStride;
        int base = t * post;
        if (postStride == 0) { // axonal: the whole row lands on one step
            int target = base + shift[dRow];
            for (int j = 0; j < post; j++) {
                arrival[target + j] += v * w[wRow + j];
            }
        } else { // synaptic or dendritic: postStride is 1
            for (int j = 0; j < post; j++) {
                arrival[base + shift[dRow + j] + j] += v * w[wRow + j];
            }
        }
    }

    private void forwardTaps(int t, int i, double v, double[] w, double[] arrival, Taps taps) {
        double[] d = delays.values();
        for (int j = 0; j < post; j++) {
            interpolation.taps(d[i * preStride + j * postStride], taps);
            double vw = v * w[i * post + j];
            for (int m = 0; m < taps.count(); m++) {
                int at = t + taps.offset(m);
                if (at < steps) {
                    arrival[at * post + j] += vw * taps.value(m);
                }
            }
        }
    }

    /**
     * Backpropagates through {@link #forward}. {@code gradArrival} is dL/d arrival, zero in the
     * rows at and above {@code steps}. Each output array may be null when not wanted; the others
     * are added to (weights, delays) or overwritten (input: dL/d presynaptic output at every step
     * and neuron, spiking or not, which the layer below needs for its surrogate gradient).
     *
     * @param work scratch of {@link #arrivalLength()} values
     */
    public void backward(SpikeEvents in, double[] gradArrival, double[] gradWeights, double[] gradDelays,
                         double[] gradInput, Taps taps, double[] work) {
        double[] w = weights.values();
        if (shift != null && gradDelays != null) {
            // the reference's finite difference g[a+1] - g[a], once per arrival row instead of per synapse
            int last = 2 * steps * post;
            for (int k = 0; k < last; k++) {
                work[k] = gradArrival[k + post] - gradArrival[k];
            }
            Arrays.fill(work, last, arrivalLength(), 0.0);
        }
        if (gradWeights != null || gradDelays != null) {
            for (int t = 0; t < steps; t++) {
                for (int k = in.from(t); k < in.to(t); k++) {
                    int i = in.neuron(k);
                    double v = in.value(k);
                    if (shift != null) {
                        backwardShift(t, i, v, w, gradArrival, work, gradWeights, gradDelays);
                    } else {
                        backwardTaps(t, i, v, w, gradArrival, gradWeights, gradDelays, taps);
                    }
                }
            }
        }
        if (gradInput != null) {
            if (shift != null) {
                inputGradientShift(w, gradArrival, gradInput, work);
            } else {
                Arrays.fill(gradInput, 0, steps * pre, 0.0);
                inputGradientTaps(w, gradArrival, gradInput, taps);
            }
        }
    }

    private void backwardShift(int t, int i, double v, double[] w, double[] g, double[] difference, double[] gw,
                               double[] gd) {
        int wRow = i * post;
        int dRow = i * preStride;
        int base = t * post;
        if (postStride == 0) { // axonal: one delay, one arrival row for the whole row of weights
            int at = base + shift[dRow];
            if (gw != null) {
                for (int j = 0; j < post; j++) {
                    gw[wRow + j] += v * g[at + j];
                }
            }
            if (gd != null) {
                double sum = 0;
                for (int j = 0; j < post; j++) {
                    sum += w[wRow + j] * difference[at + j];
                }
                gd[dRow] += v * sum;
            }
            return;
        }
        if (gw != null) {
            for (int j = 0; j < post; j++) {
                gw[wRow + j] += v * g[base + shift[dRow + j] + j];
            }
        }
        if (gd != null) {
            for (int j = 0; j < post; j++) {
                gd[dRow + j] += v * w[wRow + j] * difference[base + shift[dRow + j] + j];
            }
        }
    }

    private void backwardTaps(int t, int i, double v, double[] w, double[] g, double[] gw, double[] gd, Taps taps) {
        double[] d = delays.values();
        for (int j = 0; j < post; j++) {
            int di = i * preStride + j * postStride;
            interpolation.taps(d[di], taps);
            double byValue = 0;
            double bySlope = 0;
            for (int m = 0; m < taps.count(); m++) {
                int at = t + taps.offset(m);
                if (at < steps) {
                    double ga = g[at * post + j];
                    byValue += taps.value(m) * ga;
                    bySlope += taps.slope(m) * ga;
                }
            }
            if (gw != null) {
                gw[i * post + j] += v * byValue;
            }
            if (gd != null) {
                gd[di] += v * w[i * post + j] * bySlope;
            }
        }
    }

    /**
     * dL/d input[t][i] = sum_j w_ij g[t + shift_ij][j]. The gradient is first transposed to one
     * contiguous time series per postsynaptic neuron, so the innermost loop runs over steps with
     * unit stride.
     */
    private void inputGradientShift(double[] w, double[] g, double[] gin, double[] transposed) {
        int rows = 2 * steps + 1;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < post; j++) {
                transposed[j * rows + r] = g[r * post + j];
            }
        }
        double[] sum = new double[steps];
        for (int i = 0; i < pre; i++) {
            Arrays.fill(sum, 0.0);
            for (int j = 0; j < post; j++) {
                double wij = w[i * post + j];
                int from = j * rows + shift[i * preStride + j * postStride] / post;
                for (int t = 0; t < steps; t++) {
                    sum[t] += wij * transposed[from + t];
                }
            }
            for (int t = 0; t < steps; t++) {
                gin[t * pre + i] = sum[t];
            }
        }
    }

    private void inputGradientTaps(double[] w, double[] g, double[] gin, Taps taps) {
        double[] d = delays.values();
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                double wij = w[i * post + j];
                interpolation.taps(d[i * preStride + j * postStride], taps);
                for (int m = 0; m < taps.count(); m++) {
                    double wv = wij * taps.value(m);
                    int offset = taps.offset(m);
                    for (int t = 0; t + offset < steps; t++) {
                        gin[t * pre + i] += wv * g[(t + offset) * post + j];
                    }
                }
            }
        }
    }
}
