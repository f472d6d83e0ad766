package io.delaynet.event;

import java.util.Arrays;

/**
 * The event engine's forward pass as it was before the scaling work (commit 6d5214c): every
 * neuron's whole arrival list built by insertion over the presorted inputs, then the causal-set
 * scan evaluating the closed form for every candidate. The engine today must reproduce its spike
 * times and causal sets bit for bit; it differs only in how much work it does to get there.
 */
final class ReferenceForward {
    private ReferenceForward() {
    }

    /** The spike times of every layer, [0] the input. */
    static double[][] run(EventNetwork net, double[] input, int[][] causalOut) {
        return run(net, input, causalOut, net.newTrace());
    }

    /** As above, leaving every neuron's whole list in {@code trace}, ready for the backward pass. */
    static double[][] run(EventNetwork net, double[] input, int[][] causalOut, EventTrace trace) {
        System.arraycopy(input, 0, trace.times[0], 0, input.length);
        for (int l = 0; l < net.layerCount(); l++) {
            layer(net, l, trace);
            causalOut[l] = trace.causal[l].clone();
        }
        double[][] out = new double[net.layerCount() + 1][];
        for (int l = 0; l <= net.layerCount(); l++) {
            out[l] = trace.times[l].clone();
        }
        return out;
    }

    private static void layer(EventNetwork net, int l, EventTrace trace) {
        Projection p = net.projection(l);
        int pre = p.pre();
        double[] in = trace.times[l];
        double[] out = trace.times[l + 1];
        double ref = Double.POSITIVE_INFINITY;
        for (double t : in) {
            ref = Math.min(ref, t);
        }
        trace.reference[l] = ref;
        trace.shared[l] = false;
        trace.laned[l] = false;
        trace.rooted[l] = net.reusesRoots() && !net.model().equalTimeConstants();
        if (ref == Double.POSITIVE_INFINITY) {
            Arrays.fill(out, Double.POSITIVE_INFINITY);
            Arrays.fill(trace.causal[l], 0);
            return;
        }
        int[] order = new int[pre];
        long[] keys = new long[pre];
        boolean axonal = p.kind() == io.delaynet.delay.DelayKind.AXONAL;
        double[] d = p.synapseDelays();
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, pre - 1));
        long indexMask = (1L << bits) - 1;
        int active = 0;
        for (int i = 0; i < pre; i++) {
            double t = in[i];
            if (t == Double.POSITIVE_INFINITY) {
                continue;
            }
            double key = axonal ? t + d[i] : t;
            long raw = Double.doubleToRawLongBits(key);
            long sortable = raw < 0 ? ~raw : raw | Long.MIN_VALUE;
            keys[active++] = ((sortable >>> 1) & ~indexMask) | i;
        }
        Arrays.sort(keys, 0, active);
        for (int m = 0; m < active; m++) {
            order[m] = (int) (keys[m] & indexMask);
        }
        // the half exponentials as the engine defines them: from the previous layer's roots where
        // it left them (ArrivalList.inputHalfExps), else from the times
        double[] inHalf = new double[pre];
        if (l > 0 && trace.rooted[l - 1]) {
            double largest = 0;
            for (int m = 0; m < active; m++) {
                largest = Math.max(largest, trace.root[l - 1][order[m]]);
            }
            for (int m = 0; m < active; m++) {
                inHalf[order[m]] = largest / trace.root[l - 1][order[m]];
            }
        } else {
            for (int m = 0; m < active; m++) {
                inHalf[order[m]] = Math.exp(0.5 * (in[order[m]] - ref));
            }
        }
        double[] w = p.weights().values();
        double[] dHalf = p.synapseHalfExps();
        double[] arrival = new double[pre];
        double[] half = new double[pre];
        double[] weight = new double[pre];
        int[] source = new int[pre];
        for (int j = 0; j < p.post(); j++) {
            int base = j * pre;
            for (int m = 0; m < active; m++) {
                int i = order[m];
                double a = in[i] + d[base + i];
                int k = m;
                while (k > 0 && arrival[k - 1] > a) {
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
            System.arraycopy(arrival, 0, trace.arrival[l], base, active);
            System.arraycopy(half, 0, trace.halfExp[l], base, active);
            System.arraycopy(weight, 0, trace.weight[l], base, active);
            System.arraycopy(source, 0, trace.source[l], base, active);
            out[j] = active == 0 ? Double.POSITIVE_INFINITY
                    : scan(active, arrival, weight, half, ref, net.model(), trace.causal[l], j, trace.root[l]);
        }
    }

    static double scan(int n, double[] arrival, double[] weight, double[] halfExp, double ref,
                               LifModel model, int[] causal, int slot) {
        return scan(n, arrival, weight, halfExp, ref, model, causal, slot, new double[slot + 1]);
    }

    /** As above, also leaving the accepted quadratic root y = e^{-(T - ref)/2} in {@code roots[slot]}. */
    static double scan(int n, double[] arrival, double[] weight, double[] halfExp, double ref,
                       LifModel model, int[] causal, int slot, double[] roots) {
        double c = model.threshold() * model.leakConductance();
        boolean lambert = model.equalTimeConstants();
        double sumFull = 0;
        double sumHalf = 0;
        double sumTimed = 0;
        for (int k = 0; k < n; k++) {
            double h = halfExp[k];
            double full = h * h;
            double w = weight[k];
            sumFull += w * full;
            if (lambert) {
                sumTimed += w * (arrival[k] - ref) * full;
            } else {
                sumHalf += w * h;
            }
            if (k + 1 < n && arrival[k + 1] == arrival[k]) {
                continue;
            }
            double t = lambert ? FirstSpike.lambertCandidate(sumFull, sumTimed, c)
                    : FirstSpike.quadraticCandidateY(sumFull, sumHalf, c);
            if (lambert) {
                if (t >= arrival[k] - ref && (k + 1 == n || t <= arrival[k + 1] - ref)) {
                    causal[slot] = k + 1;
                    return ref + t;
                }
            } else if (t > 0) {
                if (t * h <= 1 && (k + 1 == n || t * halfExp[k + 1] >= 1)) {
                    causal[slot] = k + 1;
                    roots[slot] = t;
                    return ref - 2 * Math.log(t);
                }
            }
        }
        causal[slot] = 0;
        return Double.POSITIVE_INFINITY;
    }
}
