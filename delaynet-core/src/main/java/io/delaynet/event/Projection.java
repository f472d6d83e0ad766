package io.delaynet.event;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import io.delaynet.train.ParameterGroup;

/**
 * All-to-all synapses from {@code pre} neurons (or inputs) to {@code post} neurons, with weights
 * and optional learnable delays. Weights are stored post-major ({@code w[j * pre + i]} for
 * i → j) so a postsynaptic neuron reads its inputs contiguously.
 *
 * <p>The per-synapse delay, its half exponential e^{d/2} and the chain-rule slope are cached
 * after every parameter change ({@link #refresh()}), which keeps exponentials out of the
 * per-sample forward pass. With synaptic delays the delays, half exponentials and weights are
 * also cached presynaptic-major, the layout the sorted forward pass reads; so weights too must be
 * followed by a refresh when they change (the learner does it after every step).
 */
public final class Projection {
    private final int pre;
    private final int post;
    private final DelayKind kind;
    private final DelayParameterisation parameterisation;
    private final int preSharing;
    private final int postSharing;
    private final ParameterGroup weights;
    private final ParameterGroup delays;
    private final int[] parameterOfSynapse;
    private final double[] synapseDelay;
    private final double[] synapseHalfExp;
    private final double[] delaySlope;
    private final double[] delayOfParameter; // scratch of refresh(): the delay of each parameter
    private double[] delayCorrection; // per synapse, added to the effective delay; null: none
    private boolean sameDelayPerInput = true; // every synapse of an input line has the same effective delay
    private final double[] earliestDelay;
    private final double[] delayByInput;   // synaptic only: synapse i -> j at i * post + j
    private final double[] halfExpByInput; // likewise e^{d/2}
    private final double[] weightByInput;  // likewise the weights, as of the last refresh

    public Projection(int index, int pre, int post, double[] weights, DelayKind kind,
                      DelayParameterisation parameterisation, double[] rawDelays, int preSharing, int postSharing) {
        if (pre < 1 || post < 1) {
            throw new IllegalArgumentException("a projection needs at least one pre- and one postsynaptic neuron");
        }
        if (weights.length != pre * post) {
            throw new IllegalArgumentException("layer " + (index + 1) + ": expected " + pre * post + " weights, got " + weights.length);
        }
        if (preSharing < 1 || pre % preSharing != 0 || postSharing < 1 || post % postSharing != 0) {
            throw new IllegalArgumentException("layer " + (index + 1) + ": delay sharing factors must divide the layer sizes ("
                    + pre + " / " + preSharing + ", " + post + " / " + postSharing + ")");
        }
        this.pre = pre;
        this.post = post;
        this.kind = kind;
        this.parameterisation = parameterisation;
        this.preSharing = preSharing;
        this.postSharing = postSharing;
        this.weights = new ParameterGroup("layer" + (index + 1) + ".weights", weights, "weights", true);
        int count = kind.parameterCount(pre, post, preSharing, postSharing);
        if (kind == DelayKind.NONE) {
            this.delays = null;
        } else {
            if (rawDelays == null || rawDelays.length != count) {
                throw new IllegalArgumentException("layer " + (index + 1) + ": expected " + count + " " + kind + " delay parameters");
            }
            this.delays = new ParameterGroup("layer" + (index + 1) + ".delays", rawDelays, "delays", true);
        }
        parameterOfSynapse = new int[pre * post];
        for (int j = 0; j < post; j++) {
            for (int i = 0; i < pre; i++) {
                parameterOfSynapse[j * pre + i] = kind.parameterIndex(i, j, pre, post, preSharing, postSharing);
            }
        }
        synapseDelay = new double[pre * post];
        synapseHalfExp = new double[pre * post];
        delaySlope = new double[count];
        delayOfParameter = new double[count];
        earliestDelay = new double[post];
        delayByInput = kind == DelayKind.SYNAPTIC ? new double[pre * post] : null;
        halfExpByInput = kind == DelayKind.SYNAPTIC ? new double[pre * post] : null;
        weightByInput = kind == DelayKind.SYNAPTIC ? new double[pre * post] : null;
        refresh();
    }

    /** Recomputes the cached delays after the parameters changed; applies the parameterisation's clipping. */
    public void refresh() {
        if (delays == null) {
            java.util.Arrays.fill(synapseHalfExp, 1.0);
            return;
        }
        double[] raw = delays.values();
        parameterisation.rectify(raw);
        double[] perParameter = delayOfParameter;
        parameterisation.delaysAndSlopes(raw, perParameter, delaySlope);
        for (int s = 0; s < synapseDelay.length; s++) {
            double d = perParameter[parameterOfSynapse[s]];
            if (delayCorrection != null) {
                d += delayCorrection[s];
            }
            synapseDelay[s] = d;
            synapseHalfExp[s] = Math.exp(0.5 * d);
        }
        if (delayByInput != null) {
            double[] w = weights.values();
            for (int j = 0; j < post; j++) {
                for (int i = 0; i < pre; i++) {
                    delayByInput[i * post + j] = synapseDelay[j * pre + i];
                    halfExpByInput[i * post + j] = synapseHalfExp[j * pre + i];
                    weightByInput[i * post + j] = w[j * pre + i];
                }
            }
        }
        sameDelayPerInput = true;
        for (int i = 0; i < pre && sameDelayPerInput; i++) {
            for (int j = 1; j < post; j++) {
                if (synapseDelay[j * pre + i] != synapseDelay[i]) {
                    sameDelayPerInput = false; // a per-synapse calibration of axonal delays, say
                    break;
                }
            }
        }
        for (int j = 0; j < post; j++) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < pre; i++) {
                min = Math.min(min, synapseDelay[j * pre + i]);
            }
            earliestDelay[j] = min;
        }
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

    public DelayParameterisation parameterisation() {
        return parameterisation;
    }

    public int preSharing() {
        return preSharing;
    }

    public int postSharing() {
        return postSharing;
    }

    public ParameterGroup weights() {
        return weights;
    }

    /** The delay parameter group, or null for {@link DelayKind#NONE}. */
    public ParameterGroup delays() {
        return delays;
    }

    /**
     * Whether every input line reaches all its targets with the same effective delay (no delays,
     * or axonal ones without per-synapse corrections), so that all neurons see one arrival order.
     */
    public boolean sameDelayPerInput() {
        return delays == null || sameDelayPerInput;
    }

    /**
     * Adds a fixed amount to the effective delay of every synapse (post-major), on top of what the
     * parameters give; null removes it. This is how a host's model of a chip takes in the delays
     * measured by a calibration: the gradients with respect to the parameters are unchanged, since
     * the correction does not depend on them. Refreshes the cached delays.
     */
    public void correctDelays(double[] perSynapse) {
        if (perSynapse != null && (delays == null || perSynapse.length != pre * post)) {
            throw new IllegalArgumentException(delays == null ? "a projection without delays cannot correct them"
                    : "expected " + pre * post + " delay corrections, got " + perSynapse.length);
        }
        delayCorrection = perSynapse == null ? null : perSynapse.clone();
        refresh();
    }

    /** The per-synapse delay corrections (a copy), or null when there are none. */
    public double[] delayCorrections() {
        return delayCorrection == null ? null : delayCorrection.clone();
    }

    /** Effective delay of synapse i → j (0 without delays), including any {@link #correctDelays correction}. */
    public double delay(int i, int j) {
        return synapseDelay[j * pre + i];
    }

    /** The effective delay of each delay parameter (for reports and histograms). */
    public double[] effectiveDelays() {
        if (delays == null) {
            return new double[0];
        }
        double[] out = new double[delays.size()];
        for (int p = 0; p < out.length; p++) {
            out[p] = parameterisation.delay(delays.values()[p]);
        }
        return out;
    }

    double[] synapseDelays() {
        return synapseDelay;
    }

    /** The smallest delay of any synapse into neuron j (0 without delays). */
    double earliestDelay(int j) {
        return earliestDelay[j];
    }

    /**
     * Synaptic delays laid out presynaptic-major (synapse i -> j at {@code i * post + j}), so that a
     * layer's forward pass reads one contiguous row per active input instead of touching every
     * neuron's row at scattered places; null for other delay kinds.
     */
    double[] delaysByInput() {
        return delayByInput;
    }

    /** {@link #delaysByInput()}'s half exponentials e^{d/2}. */
    double[] halfExpsByInput() {
        return halfExpByInput;
    }

    /** The weights in the layout of {@link #delaysByInput()}, as of the last {@link #refresh()}. */
    double[] weightsByInput() {
        return weightByInput;
    }

    double[] synapseHalfExps() {
        return synapseHalfExp;
    }

    int[] parameterOfSynapse() {
        return parameterOfSynapse;
    }

    double[] delaySlopes() {
        return delaySlope;
    }
}
