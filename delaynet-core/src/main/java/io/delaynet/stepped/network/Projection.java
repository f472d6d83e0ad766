package io.delaynet.stepped.network;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Topology;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.TapTable;
import io.delaynet.train.ParameterGroup;
import java.util.Arrays;

/**
 * All-to-all connections with a weight and a (shared or own) delay per connection: turns the
 * spikes of {@code pre} neurons into the input each of {@code post} neurons receives per step,
 * and backpropagates through that. Feed-forward projections connect a layer to the one below it
 * (or to the data); a recurrent projection connects a layer to itself and never delivers a spike
 * in the step it was emitted ({@link #earliest()} is 1, its delays are at least one step).
 *
 * <p>Delays act on spikes, before the postsynaptic neuron's own filtering (PSP kernel or
 * membrane). The reference delays the PSP of each input instead; shifting and filtering are both
 * linear and time-invariant, so the forward pass is identical, and the reference's delay
 * gradient {@code -sum_t g[t] (y[t] - y[t-1])} on the PSP equals the same finite difference on
 * the spike train with g taken after the filter's adjoint. Working on spikes lets the cost follow
 * the number of spikes.
 *
 * <p>Layout (the engine's own, chosen for its loops): weights pre-major, {@code w[i * post + j]}
 * for i → j; synaptic delays likewise, axonal delays per pre, dendritic per post. The network
 * description ({@link io.delaynet.model}) is post-major; {@link SteppedDescriptions} converts.
 *
 * <p>Buffers: {@code arrival} holds {@code 2 * steps + 1} rows of {@code post} values. Only rows
 * below {@code steps} are part of the simulated window; the rows above absorb spikes delayed past
 * its end, so the hot loops need no bounds test (whole-step delays are capped at {@code steps},
 * since any longer delay also lands outside the window).
 */
public final class Projection {
    /** Whether the Vector API module is present, for {@link DenseVectorKernels}. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private final int pre;
    private final int post;
    private final int steps;
    private final DelayKind kind;
    private final DelayInterpolation interpolation;
    private final DelayBounds bounds;
    private final int earliest;
    private final ParameterGroup weights;
    private final ParameterGroup delays;
    private final int preStride;
    private final int postStride;
    /**
     * Whole-step delays of an integer shift (or of no delays at all: zeros), capped at steps and
     * premultiplied by {@code post} (the distance between arrival rows), refreshed from the delay
     * values; null for interpolated delays.
     */
    private final int[] shift;
    /** The taps of every interpolated delay, refreshed from the delay values; null for whole-step shifts. */
    private final TapTable table;
    /** The synapses of a convolution or pooling (shared weights, no delays); null for all-to-all. */
    private final SpatialMap map;

    /**
     * @param delays   the delay group, null exactly when {@code kind} is {@link DelayKind#NONE}
     * @param earliest 0 for a feed-forward projection, 1 for a recurrent one (then {@code bounds.min() >= 1})
     */
    public Projection(int pre, int post, int steps, DelayKind kind, DelayInterpolation interpolation,
                      DelayBounds bounds, int earliest, ParameterGroup weights, ParameterGroup delays) {
        this(pre, post, steps, kind, interpolation, bounds, earliest, weights, delays, Topology.Dense.INSTANCE);
    }

    /**
     * A projection with the given synapse layout: all-to-all ({@link Topology.Dense}, as above) or
     * a convolution or pooling ({@link SpatialMap}: feed-forward, no delays, weights in the
     * description's layout).
     */
    public Projection(int pre, int post, int steps, DelayKind kind, DelayInterpolation interpolation,
                      DelayBounds bounds, int earliest, ParameterGroup weights, ParameterGroup delays,
                      Topology topology) {
        topology.check(weights.name(), pre, post);
        if (weights.size() != topology.weightCount(pre, post)) {
            throw new IllegalArgumentException("weights of " + weights.name() + " have " + weights.size()
                    + " values, expected " + topology.weightCount(pre, post));
        }
        this.map = SpatialMap.of(topology);
        if (map != null && (kind != DelayKind.NONE || earliest != 0)) {
            throw new IllegalArgumentException(weights.name() + ": a " + topology.type()
                    + " projection is feed-forward without delays (delay kind none)");
        }
        if ((kind == DelayKind.NONE) != (delays == null)) {
            throw new IllegalArgumentException("a projection has a delay group exactly when its delay kind is not none");
        }
        if (delays != null && delays.size() != kind.count(pre, post)) {
            throw new IllegalArgumentException("delays of " + delays.name() + " have " + delays.size()
                    + " values, expected " + kind.count(pre, post) + " for " + kind + " delays");
        }
        if (earliest < 0 || earliest > 1 || bounds.min() < earliest) {
            throw new IllegalArgumentException("a recurrent projection needs delays of at least one step, got a minimum of "
                    + bounds.min());
        }
        this.pre = pre;
        this.post = post;
        this.steps = steps;
        this.kind = kind;
        this.interpolation = interpolation;
        this.bounds = bounds;
        this.earliest = earliest;
        this.weights = weights;
        this.delays = delays;
        this.preStride = switch (kind) {
            case SYNAPTIC -> post;
            case AXONAL -> 1;
            case DENDRITIC, NONE -> 0;
        };
        this.postStride = kind == DelayKind.SYNAPTIC || kind == DelayKind.DENDRITIC ? 1 : 0;
        boolean whole = kind == DelayKind.NONE || interpolation instanceof DelayInterpolation.IntegerShift;
        this.shift = whole ? new int[Math.max(1, kind.count(pre, post))] : null;
        if (delays == null) {
            Arrays.fill(shift, earliest * post); // without delays a recurrent spike arrives one step later
        }
        this.table = whole ? null : new TapTable(interpolation, earliest, delays.size());
        clampDelays();
    }

    public int pre() {
        return pre;
    }

    /** Whether the synapses are all-to-all, with weight {@code w[i * post + j]} for i → j. */
    public boolean dense() {
        return map == null;
    }

    /** The synapse layout: dense, or the convolution or pooling. */
    public Topology topology() {
        return map == null ? Topology.Dense.INSTANCE : map.topology();
    }

    /** Throws unless the projection is all-to-all: for code that reads {@code w[i * post + j]}. */
    public void requireDense(String what) {
        if (map != null) {
            throw new IllegalArgumentException(weights.name() + " is a " + map.topology().type() + " projection; "
                    + what + " handles dense (all-to-all) projections only");
        }
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

    /** The fewest steps after its emission at which a spike can arrive: 0 feed-forward, 1 recurrent. */
    public int earliest() {
        return earliest;
    }

    public boolean recurrent() {
        return earliest == 1;
    }

    public ParameterGroup weights() {
        return weights;
    }

    /** The delay group, or null for {@link DelayKind#NONE}. */
    public ParameterGroup delays() {
        return delays;
    }

    /** Length of the arrival and arrival-gradient buffers. */
    public int arrivalLength() {
        return (2 * steps + 1) * post;
    }

    /** Index of the delay of connection (i, j) in the delay group. */
    public int delayIndex(int i, int j) {
        return i * preStride + j * postStride;
    }

    /** The delay of connection (i, j) in steps (without delays: 0, or 1 on a recurrent projection). */
    public double delay(int i, int j) {
        return delays == null ? earliest : delays.values()[delayIndex(i, j)];
    }

    /**
     * Keeps the delays within their bounds and refreshes what is derived from them; to be called
     * whenever the delay values change (after each optimizer step).
     */
    public void clampDelays() {
        if (delays == null) {
            return; // shift stays all zero
        }
        bounds.clamp(delays.values());
        if (shift != null) {
            DelayInterpolation.IntegerShift integer = (DelayInterpolation.IntegerShift) interpolation;
            double[] d = delays.values();
            for (int k = 0; k < d.length; k++) {
                shift[k] = Math.min(steps, integer.rounding().steps(d[k])) * post;
            }
        } else {
            table.refresh(delays.values());
        }
    }

    /** Zeroes the arrival buffer before a sample. */
    public void clear(double[] arrival) {
        Arrays.fill(arrival, 0, arrivalLength(), 0.0);
    }

    /**
     * Adds the spikes that {@code in} holds for step {@code t} to the input of every postsynaptic
     * neuron at the steps they arrive ({@code t + delay}, never before {@code t + earliest}).
     * Calling it for t = 0, 1, ... in order adds every arrival's terms in the order of (step,
     * presynaptic neuron), whichever way the layers are interleaved.
     */
    public void scatter(SpikeEvents in, int t, double[] arrival) {
        double[] w = weights.values();
        if (map != null) {
            map.scatter(in, t, w, arrival);
            return;
        }
        for (int k = in.from(t); k < in.to(t); k++) {
            int i = in.neuron(k);
            double v = in.value(k);
            if (shift != null) {
                forwardShift(t, i, v, w, arrival);
            } else {
                forwardTaps(t, i, v, w, arrival);
            }
        }
    }

    /**
     * Adds the spikes of every step, as {@link #scatter} for t = 0, 1, ... does; a convolution may
     * order the terms differently (a feed-forward network's layer-by-layer simulation uses this).
     */
    public void scatterWindow(SpikeEvents in, double[] arrival) {
        if (map != null) {
            map.scatterWindow(in, steps, weights.values(), arrival);
            return;
        }
        for (int t = 0; t < steps; t++) {
            scatter(in, t, arrival);
        }
    }

    private void forwardShift(int t, int i, double v, double[] w, double[] arrival) {
        int wRow = i * post;
        int dRow = i * preStride;
        int base = t * post;
        if (postStride == 0) { // axonal (or none): the whole row lands on one step
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

    private void forwardTaps(int t, int i, double v, double[] w, double[] arrival) {
        for (int j = 0; j < post; j++) {
            int k = i * preStride + j * postStride;
            double vw = v * w[i * post + j];
            int first = table.first(k);
            for (int m = first; m < first + table.count(k); m++) {
                int at = t + table.offset(m);
                if (at < steps) {
                    arrival[at * post + j] += vw * table.value(m);
                }
            }
        }
    }

    /**
     * Backpropagates through the scatters of a whole sample. {@code gradArrival} is dL/d arrival,
     * zero in the rows at and above {@code steps}. Each output array may be null when not wanted;
     * the others are added to (weights, delays) or overwritten (input: dL/d presynaptic output at
     * every step and neuron, spiking or not, which the layer below needs for its surrogate gradient).
     *
     * @param work scratch of {@link #arrivalLength()} values
     */
    public void backward(SpikeEvents in, double[] gradArrival, double[] gradWeights, double[] gradDelays,
                         double[] gradInput, double[] work) {
        double[] w = weights.values();
        if (map != null) {
            if (gradWeights != null) {
                map.weightGradient(in, steps, gradArrival, gradWeights);
            }
            if (gradInput != null) {
                map.inputGradient(steps, w, gradArrival, gradInput);
            }
            return;
        }
        if (delays == null) {
            gradDelays = null;
        }
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
                        backwardTaps(t, i, v, w, gradArrival, gradWeights, gradDelays);
                    }
                }
            }
        }
        if (gradInput != null) {
            if (shift != null) {
                inputGradientShift(w, gradArrival, gradInput, work);
            } else {
                Arrays.fill(gradInput, 0, steps * pre, 0.0);
                inputGradientTaps(w, gradArrival, gradInput);
            }
        }
    }

    private void backwardShift(int t, int i, double v, double[] w, double[] g, double[] difference, double[] gw,
                               double[] gd) {
        int wRow = i * post;
        int dRow = i * preStride;
        int base = t * post;
        if (postStride == 0) { // axonal (or none): one delay, one arrival row for the whole row of weights
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

    private void backwardTaps(int t, int i, double v, double[] w, double[] g, double[] gw, double[] gd) {
        for (int j = 0; j < post; j++) {
            int di = i * preStride + j * postStride;
            double byValue = 0;
            double bySlope = 0;
            int first = table.first(di);
            for (int m = first; m < first + table.count(di); m++) {
                int at = t + table.offset(m);
                if (at < steps) {
                    double ga = g[at * post + j];
                    byValue += table.value(m) * ga;
                    bySlope += table.slope(m) * ga;
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
        if (VECTOR) { // the same sums, with the steps in one vector (DenseVectorKernels)
            DenseVectorKernels.inputGradient(pre, post, steps, rows, shift, preStride, postStride, w, g, gin);
            return;
        }
        plainInputGradientShift(w, g, gin, transposed);
    }

    /** The plain-Java form of {@link #inputGradientShift}, also the fallback without the Vector API. */
    void plainInputGradientShift(double[] w, double[] g, double[] gin, double[] transposed) {
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

    private void inputGradientTaps(double[] w, double[] g, double[] gin) {
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                double wij = w[i * post + j];
                int k = i * preStride + j * postStride;
                int first = table.first(k);
                for (int m = first; m < first + table.count(k); m++) {
                    double wv = wij * table.value(m);
                    int offset = table.offset(m);
                    for (int t = 0; t + offset < steps; t++) {
                        gin[t * pre + i] += wv * g[(t + offset) * post + j];
                    }
                }
            }
        }
    }

    /**
     * The step-by-step form of the input gradient, for a recurrent projection whose presynaptic
     * layer is its own postsynaptic one: adds {@code sum_j w_ij sum_m value_m g[t + offset_m][j]}
     * to {@code gradInput[t * pre + i]} for every i. Reads only rows after t (delays of at least
     * one step), which the reverse-time sweep has finished by then.
     */
    public void addInputGradientRow(int t, double[] gradArrival, double[] gradInput) {
        addInputGradientRow(t, gradArrival, gradInput, steps);
    }

    /**
     * As {@link #addInputGradientRow(int, double[], double[])}, counting only arrivals at steps
     * before {@code end} (at most the window): truncated BPTT cuts the recurrent paths that cross
     * into a later block this way. {@code end = steps} is the full sum, term for term.
     */
    public void addInputGradientRow(int t, double[] gradArrival, double[] gradInput, int end) {
        requireDense("a recurrent projection");
        int limit = Math.min(end, steps);
        double[] w = weights.values();
        for (int i = 0; i < pre; i++) {
            double sum = 0;
            for (int j = 0; j < post; j++) {
                double wij = w[i * post + j];
                int k = i * preStride + j * postStride;
                if (shift != null) {
                    // shifts are capped at steps, whose rows of gradArrival are zero: only the block end cuts
                    if (limit == steps || t + shift[k] / post < limit) {
                        sum += wij * gradArrival[t * post + shift[k] + j];
                    }
                } else {
                    int first = table.first(k);
                    for (int m = first; m < first + table.count(k); m++) {
                        int at = t + table.offset(m);
                        if (at < limit) {
                            sum += wij * table.value(m) * gradArrival[at * post + j];
                        }
                    }
                }
            }
            gradInput[t * pre + i] += sum;
        }
    }
}
