package io.delaynet.event;

import java.util.Arrays;

/**
 * A neuron's arrival list in an {@link EventTrace}: the arrivals of its non-silent inputs (spike
 * time plus delay) in time order, each with its weight, presynaptic index and half exponential,
 * which is all that the first-spike scan and the backward pass read. The forward pass and the
 * observed-spike path both build it here, so the backward pass sees the same list from both.
 */
final class ArrivalList {
    private ArrivalList() {
    }

    /**
     * Starts layer {@code l}: records and returns its reference time, the earliest input spike,
     * from which the exponentials are measured so that they stay in range. +inf means that no
     * input spiked: the layer's lists are then left empty and there is nothing to gather.
     */
    static double startLayer(EventTrace trace, int l) {
        double[] in = trace.times[l];
        double ref = Double.POSITIVE_INFINITY;
        for (double t : in) {
            ref = Math.min(ref, t);
        }
        trace.reference[l] = ref;
        trace.laned[l] = false; // until a LaneScan lays this layer's lists out by lanes
        trace.rooted[l] = false; // until a forward pass leaves its closed-form roots
        if (ref == Double.POSITIVE_INFINITY) {
            Arrays.fill(trace.arrivals[l], 0);
            Arrays.fill(trace.causal[l], 0);
        }
        return ref;
    }

    /**
     * The half exponentials e^{(t_i - ref)/2} of the inputs {@code inputs[0..count)} of layer
     * {@code l}, computed once per layer because every neuron's list reuses them.
     *
     * <p>When the previous layer left its closed-form roots y_i = e^{-(t_i - ref')/2} (tau_m =
     * 2 tau_s, {@link EventTrace#rooted}), no exponential is needed: this layer's reference is its
     * earliest input, the one with the largest root, so e^{(t_i - ref)/2} = y_max / y_i, a division.
     * It differs from the exponential of the logarithm's t_i by rounding only, and like it is
     * monotone in t_i, so the arrival order and the causal sets it implies agree with the times.
     * (Yin-Yang: 4 exponentials per sample instead of 27, and the backward pass reuses the roots for
     * another 17.)
     */
    static void inputHalfExps(EventTrace trace, int l, int[] inputs, int count, double ref) {
        double[] in = trace.times[l];
        double[] half = trace.inputHalfExp;
        if (l > 0 && trace.rooted[l - 1]) {
            double[] root = trace.root[l - 1];
            double largest = 0;
            for (int m = 0; m < count; m++) {
                largest = Math.max(largest, root[inputs[m]]);
            }
            for (int m = 0; m < count; m++) {
                int i = inputs[m];
                half[i] = largest / root[i];
            }
            return;
        }
        for (int m = 0; m < count; m++) {
            int i = inputs[m];
            half[i] = Math.exp(0.5 * (in[i] - ref));
        }
    }

    /**
     * Fills neuron {@code j}'s list in layer {@code l} from the inputs {@code inputs[0..count)},
     * after {@link #startLayer} and {@link #inputHalfExps} for those inputs.
     *
     * <p>Each input is inserted after every arrival at or before it, so arrivals at the same
     * instant keep the order of {@code inputs}; that order is therefore part of the result (the
     * sums over the list are taken in it), and the insertion is cheap when {@code inputs} comes
     * nearly in arrival order already.
     */
    static void gather(EventTrace trace, int l, Projection p, int j, int[] inputs, int count) {
        int base = j * p.pre();
        double[] in = trace.times[l];
        double[] inHalf = trace.inputHalfExp;
        double[] w = p.weights().values();
        double[] d = p.synapseDelays();
        double[] dHalf = p.synapseHalfExps();
        double[] arrival = trace.arrival[l];
        double[] half = trace.halfExp[l];
        double[] weight = trace.weight[l];
        int[] source = trace.source[l];
        for (int m = 0; m < count; m++) {
            int i = inputs[m];
            double a = in[i] + d[base + i];
            int k = base + m;
            while (k > base && arrival[k - 1] > a) {
                arrival[k] = arrival[k - 1];
                half[k] = half[k - 1];
                weight[k] = weight[k - 1];
                source[k] = source[k - 1];
                k--;
            }
            arrival[k] = a;
            half[k] = inHalf[i] * dHalf[base + i];
            weight[k] = w[base + i];
            source[k] = i;
        }
        trace.arrivals[l][j] = count;
    }
}
