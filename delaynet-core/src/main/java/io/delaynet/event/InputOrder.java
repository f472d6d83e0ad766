package io.delaynet.event;

import java.util.Arrays;

/**
 * The non-silent inputs of a layer in (nearly) the order in which they reach it: by spike time, or
 * by spike time plus the axonal delay where that delay is the same for every target. One sort per
 * layer serves all of its neurons: without synaptic delays their arrival lists are this order, up
 * to the last few bits that the packed keys drop, which each neuron's insertion restores.
 *
 * <p>Each time and its index are packed into one long whose order is the order of the times up to
 * the last few mantissa bits, so one primitive sort does the job. Along with the order this writes,
 * for every position, a time no later than any input at or after that position; a neuron's scan
 * uses it to know when its arrival list is final up to the point it has reached, so that it never
 * needs to look at the inputs that arrive after its spike.
 */
final class InputOrder {
    private InputOrder() {
    }

    /**
     * Writes the indices of the non-silent inputs {@code in} of projection {@code p} into
     * {@code order} and the lower bounds into {@code lower}; returns how many there are. Where no
     * neuron needs the layer's order ({@link NeuronScan#needsLayerOrder}: synaptic delays, 9 to 32
     * inputs) nothing is sorted: {@code order} then lists the inputs by index, {@code keys[m]}
     * holds the packed key of {@code order[m]}, whose order is the layer's, and {@code lower} is
     * not written.
     */
    static int sort(Projection p, double[] in, int[] order, double[] lower, long[] keys) {
        boolean axonal = NeuronScan.keysHoldDelays(p);
        double[] d = p.synapseDelays();
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, p.pre() - 1));
        long indexMask = (1L << bits) - 1;
        int n = 0;
        for (int i = 0; i < p.pre(); i++) {
            double t = in[i];
            if (t == Double.POSITIVE_INFINITY) {
                continue;
            }
            double key = axonal ? t + d[i] : t; // axonal: synapse (i -> 0) carries neuron i's delay
            keys[n++] = (sortable(key) >>> 1 & ~indexMask) | i; // >>> 1 keeps it a positive long
        }
        if (!NeuronScan.needsLayerOrder(p, n)) {
            // each neuron orders its own arrivals, breaking exact ties by these keys (the layer order)
            for (int m = 0; m < n; m++) {
                order[m] = (int) (keys[m] & indexMask);
            }
            return n;
        }
        Arrays.sort(keys, 0, n);
        for (int m = 0; m < n; m++) {
            order[m] = (int) (keys[m] & indexMask);
            lower[m] = unsortable((keys[m] & ~indexMask) << 1);
        }
        return n;
    }

    /** The bits of a double as a long whose signed order is the order of the doubles (NaN aside). */
    static long sortable(double x) {
        long raw = Double.doubleToRawLongBits(x);
        return raw < 0 ? ~raw : raw | Long.MIN_VALUE;
    }

    /**
     * The inverse of {@link #sortable}. Applied to a key whose low bits were cleared it gives the
     * largest double no greater than every double with that key.
     */
    static double unsortable(long bits) {
        return Double.longBitsToDouble(bits < 0 ? bits & Long.MAX_VALUE : ~bits);
    }
}
