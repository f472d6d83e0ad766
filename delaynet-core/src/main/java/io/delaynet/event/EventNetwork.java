package io.delaynet.event;

import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward time-to-first-spike network simulated exactly, event by event, and its DelGrad
 * backward pass: gradients of the loss with respect to weights, delays and input spike times,
 * computed from the spike times alone.
 *
 * <p>For neuron j with spike time T and causal inputs arriving at a_k with weight w_k, the
 * implicit function theorem on u(T) = theta gives
 * <pre>
 *   dT/dw_k = -kappa(T - a_k) / u'(T),    dT/da_k = w_k kappa'(T - a_k) / u'(T),
 *   u'(T)   = sum_k w_k kappa'(T - a_k)
 * </pre>
 * which equals the papers' Lambert-W and quadratic expressions. Since a_k = t_i + d, the delay
 * gradient is the arrival-time gradient, summed over the synapses that share the delay.
 */
public final class EventNetwork {
    private final LifModel model;
    private final int inputSize;
    private final List<Projection> projections;
    private final boolean reuseRoots;

    /** A network whose every exponential of a spike time is taken by {@link Math#exp}. */
    public EventNetwork(LifModel model, int inputSize, List<Projection> projections) {
        this(model, inputSize, projections, false);
    }

    /**
     * @param reuseRoots tau_m = 2 tau_s: the next layer's half exponentials and the backward pass's
     *                   e^{-(T - ref)/2} come from each spike's closed-form root y = e^{-(T - ref)/2}
     *                   (a division) instead of from exponentials of its time: Yin-Yang takes 4
     *                   exponentials per sample instead of 44. Exact as well, but different by
     *                   rounding, so runs are not bit-comparable with runs made without it (training
     *                   amplifies rounding). No effect for tau_m = tau_s.
     */
    public EventNetwork(LifModel model, int inputSize, List<Projection> projections, boolean reuseRoots) {
        if (!model.hasClosedForm()) {
            throw new IllegalArgumentException("the exact event engine needs tau_m/tau_s = 1 or 2, got " + model.tauRatio());
        }
        this.model = model;
        this.inputSize = inputSize;
        this.projections = List.copyOf(projections);
        this.reuseRoots = reuseRoots;
        int width = inputSize;
        for (int l = 0; l < this.projections.size(); l++) {
            if (this.projections.get(l).pre() != width) {
                throw new IllegalArgumentException("layer " + l + " expects " + this.projections.get(l).pre()
                        + " inputs but the previous layer has " + width);
            }
            width = this.projections.get(l).post();
        }
    }

    public LifModel model() {
        return model;
    }

    public int inputSize() {
        return inputSize;
    }

    /** Whether spike roots replace exponentials (see the constructor). */
    public boolean reusesRoots() {
        return reuseRoots;
    }

    public int outputSize() {
        return projections.get(projections.size() - 1).post();
    }

    public int layerCount() {
        return projections.size();
    }

    public Projection projection(int layer) {
        return projections.get(layer);
    }

    public List<Projection> projections() {
        return projections;
    }

    /** Weight and delay groups in a fixed order: layer 0 weights, layer 0 delays (if any), layer 1 ... */
    public List<ParameterGroup> parameters() {
        List<ParameterGroup> groups = new ArrayList<>();
        for (Projection p : projections) {
            groups.add(p.weights());
            if (p.delays() != null) {
                groups.add(p.delays());
            }
        }
        return groups;
    }

    /** Gradient buffers shaped like {@link #parameters()}. */
    public double[][] newGradients() {
        List<ParameterGroup> groups = parameters();
        double[][] g = new double[groups.size()][];
        for (int i = 0; i < g.length; i++) {
            g[i] = new double[groups.get(i).size()];
        }
        return g;
    }

    public EventTrace newTrace() {
        return new EventTrace(this);
    }

    /** Refreshes cached delays (and, for synaptic delays, weights) after the parameters changed. */
    public void refresh() {
        for (Projection p : projections) {
            p.refresh();
        }
    }

    /** Clips every weight to [-bound, bound]; +inf leaves them as they are. Call {@link #refresh} after. */
    public void clipWeights(double bound) {
        if (bound == Double.POSITIVE_INFINITY) {
            return;
        }
        for (Projection p : projections) {
            double[] w = p.weights().values();
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(-bound, Math.min(bound, w[i]));
            }
        }
    }

    /** Runs one sample; input times may be +inf for silent inputs. Returns the output times (live view). */
    public double[] forward(double[] input, EventTrace trace) {
        if (input.length != inputSize) {
            throw new IllegalArgumentException("expected " + inputSize + " input times, got " + input.length);
        }
        System.arraycopy(input, 0, trace.times[0], 0, inputSize);
        for (int l = 0; l < projections.size(); l++) {
            forwardLayer(l, trace);
        }
        return trace.outputTimes();
    }

    private void forwardLayer(int l, EventTrace trace) {
        Projection p = projections.get(l);
        double[] in = trace.times[l];
        double[] out = trace.times[l + 1];
        double ref = ArrivalList.startLayer(trace, l);
        trace.shared[l] = false;
        trace.rooted[l] = reuseRoots && !model.equalTimeConstants(); // every spike of this layer leaves its root y
        if (ref == Double.POSITIVE_INFINITY) {
            java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
            return;
        }
        int[] order = trace.presynapticOrder;
        int active = InputOrder.sort(p, in, order, trace.inputLowerBound, trace.sortKeys);
        ArrivalList.inputHalfExps(trace, l, order, active, ref);
        if (NeuronScan.sharesArrivals(p)) {
            NeuronScan.buildShared(trace, l, p, active, ref);
            trace.shared[l] = true;
        }
        if (active > 0 && !trace.shared[l] && LaneScan.applies(p, active, model)) {
            LaneScan.fastest().scan(trace, l, p, active, ref, model, out);
            return;
        }
        boolean sorts = NeuronScan.sorts(p, active);
        for (int j = 0; j < p.post(); j++) {
            if (sorts && j % NeuronScan.TILE == 0) {
                NeuronScan.arrivalsByPosition(trace, l, p, active, j);
            }
            out[j] = active == 0 ? Double.POSITIVE_INFINITY : NeuronScan.firstSpike(trace, l, p, j, active, ref, model);
        }
    }

    /**
     * Backpropagates dL/dT of the outputs (already in {@code trace.timeGradient(layerCount())}, see
     * {@link #setOutputGradient}) through the network, adding parameter gradients into
     * {@code gradients} (shaped like {@link #parameters()}).
     *
     * @param maxWeightGradient the DelGrad guard: when the largest |dL/dw| of a neuron for this sample
     *                          exceeds it, that neuron's weight gradient is dropped for this sample
     *                          (the membrane barely touched threshold and the derivative diverges);
     *                          delay and input gradients still flow. Use +inf to disable.
     */
    public void backward(EventTrace trace, double[][] gradients, double maxWeightGradient) {
        int slot = gradients.length;
        for (int l = projections.size() - 1; l >= 0; l--) {
            Projection p = projections.get(l);
            boolean hasDelays = p.delays() != null;
            if (hasDelays) {
                slot--;
            }
            double[] gradDelay = hasDelays ? gradients[slot] : null;
            double[] gradWeight = gradients[--slot];
            java.util.Arrays.fill(trace.timeGradient[l], 0.0);
            backwardLayer(l, p, trace, gradWeight, gradDelay, maxWeightGradient);
        }
    }

    /**
     * Chip in the loop: prepares {@code trace} for {@link #backward} from spike times observed
     * elsewhere (a neuromorphic chip, an emulator) instead of running this network's forward pass,
     * so the gradients are this (nominal) model's, evaluated at the observed times. Causal set of a
     * neuron: the inputs arriving at or before its observed spike; a spike the nominal model says
     * cannot happen passes no gradient (see {@link ObservedSpikes}).
     *
     * @param observed [0] the input times as injected, [l] the observed spike times of layer l
     *                 (+inf for silent neurons), for l = 1..{@link #layerCount()}
     */
    public void observe(double[][] observed, EventTrace trace) {
        ObservedSpikes.fill(this, observed, trace);
    }

    /** Sets dL/dT for the output layer before {@link #backward}. */
    public void setOutputGradient(EventTrace trace, double[] dLdOutput) {
        double[] target = trace.timeGradient[projections.size()];
        for (int j = 0; j < target.length; j++) {
            double g = dLdOutput[j];
            target[j] = Double.isFinite(g) ? g : 0.0; // a NaN/inf error signal carries no usable direction
        }
    }

    private void backwardLayer(int l, Projection p, EventTrace trace, double[] gradWeight, double[] gradDelay,
                               double maxWeightGradient) {
        int pre = p.pre();
        int post = p.post();
        double[] out = trace.times[l + 1];
        double[] delta = trace.timeGradient[l + 1];
        double[] inGrad = trace.timeGradient[l];
        double ref = trace.reference[l];
        int[] parameterOf = p.parameterOfSynapse();
        double[] slopes = p.delaySlopes();
        boolean lambert = model.equalTimeConstants();
        double r = model.tauRatio();
        double amp = lambert ? 1.0 : r / (r - 1); // r = 2 whenever it is used
        double[] kappa = trace.kernelScratch;
        boolean shared = trace.shared[l];
        double[] w = p.weights().values();
        // a neuron's list: its own entries from j * pre, or the layer's list (weights looked up by source)
        double[] halves = shared ? trace.layerHalf[l] : trace.halfExp[l];
        double[] arrivals = shared ? trace.layerArrival[l] : trace.arrival[l];
        int[] sources = shared ? trace.layerSource[l] : trace.source[l];
        double[] weights = trace.weight[l];
        // lane layout (LaneScan): entry k of neuron j at k * step + j; otherwise at j * pre + k
        boolean laned = trace.laned[l];
        int step = laned ? trace.laneStride[l] : 1;
        for (int j = 0; j < post; j++) {
            double err = delta[j];
            int n = trace.causal[l][j];
            if (err == 0 || n == 0 || !Double.isFinite(out[j])) {
                continue;
            }
            int base = j * pre;
            int own = laned ? j : base; // where this neuron's weights (and unshared list) begin
            int list = shared ? 0 : own;
            if (shared) {
                for (int k = 0; k < n; k++) {
                    weights[base + k] = w[base + sources[k]]; // in list order, as the unshared lists hold them
                }
            }
            double tSpike = out[j];
            // e^{-(T - ref)/2}: the forward pass's own root where it left one (no exponential)
            double yT = trace.rooted[l] ? trace.root[l][j] : Math.exp(-0.5 * (tSpike - ref));
            double slope = 0;
            double largestKappa = 0; // max |kappa_k|, for the guard below
            for (int k = 0; k < n; k++) {
                double eHalf = yT * halves[list + k * step]; // e^{-s/2}, s = T - a_k
                double eFull = eHalf * eHalf;         // e^{-s}
                double kap;
                double kapSlope;
                if (lambert) {
                    double s = tSpike - arrivals[list + k * step];
                    kap = s * eFull;
                    kapSlope = (1 - s) * eFull;
                } else {
                    kap = amp * (eHalf - eFull);      // r = 2: e^{-s/r} = e^{-s/2}
                    kapSlope = amp * (eFull - eHalf * 0.5); // eHalf / r, exactly
                }
                kappa[2 * k] = kap;
                kappa[2 * k + 1] = kapSlope;
                largestKappa = Math.max(largestKappa, Math.abs(kap));
                slope += weights[own + k * step] * kapSlope;
            }
            if (!(slope > 0)) {
                continue; // grazing crossing: the derivative is unbounded, so no gradient flows
            }
            double scale = err / slope;
            // max_k |scale kappa_k| = |scale| max_k |kappa_k| exactly: |a b| = |a| |b| in floating point,
            // and rounding a product by a fixed non-negative factor is monotone. Only an infinite scale
            // (0 x inf = NaN for a zero kappa) needs the products themselves.
            double largest = Math.abs(scale) * largestKappa;
            if (Double.isInfinite(scale)) {
                largest = 0;
                for (int k = 0; k < n; k++) {
                    largest = Math.max(largest, Math.abs(scale * kappa[2 * k]));
                }
            }
            boolean keepWeights = largest <= maxWeightGradient;
            for (int k = 0; k < n; k++) {
                int i = sources[list + k * step];
                if (keepWeights) {
                    gradWeight[base + i] -= scale * kappa[2 * k];
                }
                double gArrival = scale * weights[own + k * step] * kappa[2 * k + 1];
                inGrad[i] += gArrival;
                if (gradDelay != null) {
                    int q = parameterOf[base + i];
                    gradDelay[q] += gArrival * slopes[q];
                }
            }
        }
    }
}
