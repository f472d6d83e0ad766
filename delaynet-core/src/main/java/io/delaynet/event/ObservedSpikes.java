package io.delaynet.event;

/**
 * Fills an {@link EventTrace} from spike times that were observed rather than computed, so that
 * {@link EventNetwork#backward} can evaluate DelGrad's gradients at them (chip in the loop). The
 * gradients are those of the network's own (nominal) model, taken at the observed times.
 *
 * <p>Causal set of neuron j: every input whose arrival (observed presynaptic time plus the
 * network's delay) is at or before j's observed spike time; an input stamped at the very same
 * instant counts as causal, as in the DelGrad reference. The set is emptied, so that the neuron
 * passes no gradient at all, when the nominal model says the observed spike cannot happen: no
 * causal input, or a causal set whose membrane never reaches threshold (Lambert W argument below
 * -1/e, or no real root of the quadratic). A spike past the nominal membrane's peak (u'(T) ≤ 0)
 * is dropped later, by the backward pass's own guard.
 *
 * <p>The arrival lists are built by the forward pass's own {@link ArrivalList}, but from the inputs
 * in index order rather than the forward's presorted order, so tuning that presorting cannot
 * change this path.
 */
final class ObservedSpikes {
    private ObservedSpikes() {
    }

    static void fill(EventNetwork network, double[][] observed, EventTrace trace) {
        int layers = network.layerCount();
        if (observed.length != layers + 1) {
            throw new IllegalArgumentException("expected spike times of the input and " + layers
                    + " layers, got " + observed.length + " arrays");
        }
        for (int l = 0; l <= layers; l++) {
            if (observed[l].length != trace.times[l].length) {
                throw new IllegalArgumentException("layer " + l + " has " + trace.times[l].length
                        + " neurons but " + observed[l].length + " observed times were given");
            }
            System.arraycopy(observed[l], 0, trace.times[l], 0, observed[l].length);
        }
        for (int l = 0; l < layers; l++) {
            fillLayer(network.model(), network.projection(l), l, trace);
        }
    }

    private static void fillLayer(LifModel model, Projection p, int l, EventTrace trace) {
        int pre = p.pre();
        double[] in = trace.times[l];
        double[] out = trace.times[l + 1];
        double ref = ArrivalList.startLayer(trace, l);
        trace.shared[l] = false; // every neuron gets its own list below
        if (ref == Double.POSITIVE_INFINITY) {
            return;
        }
        // index order, so that simultaneous arrivals enter the causal sums in an order that the
        // forward's presorting cannot change
        int[] inputs = trace.presynapticOrder;
        int active = 0;
        for (int i = 0; i < pre; i++) {
            if (in[i] != Double.POSITIVE_INFINITY) {
                inputs[active++] = i;
            }
        }
        ArrivalList.inputHalfExps(trace, l, inputs, active, ref);
        double[] arrival = trace.arrival[l];
        for (int j = 0; j < p.post(); j++) {
            ArrivalList.gather(trace, l, p, j, inputs, active);
            int base = j * pre;
            int causal = 0;
            double t = out[j];
            if (t != Double.POSITIVE_INFINITY) {
                while (causal < active && arrival[base + causal] <= t) {
                    causal++;
                }
                if (causal > 0 && !nominalCanReachThreshold(model, trace, l, base, causal, ref)) {
                    causal = 0;
                }
            }
            trace.causal[l][j] = causal;
        }
    }

    /** Whether the membrane driven by the first {@code n} arrivals alone ever reaches threshold. */
    private static boolean nominalCanReachThreshold(LifModel model, EventTrace trace, int l, int base, int n, double ref) {
        double c = model.threshold() * model.leakConductance();
        double sumFull = 0;
        double sumHalf = 0;
        double sumTimed = 0;
        for (int k = base; k < base + n; k++) {
            double h = trace.halfExp[l][k];
            double w = trace.weight[l][k];
            sumFull += w * h * h;
            sumHalf += w * h;
            sumTimed += w * (trace.arrival[l][k] - ref) * h * h;
        }
        double candidate = model.equalTimeConstants() ? FirstSpike.lambertCandidate(sumFull, sumTimed, c)
                : FirstSpike.quadraticCandidateY(sumFull, sumHalf, c);
        return !Double.isNaN(candidate);
    }
}
