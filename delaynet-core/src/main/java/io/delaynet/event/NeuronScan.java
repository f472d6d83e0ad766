package io.delaynet.event;

import io.delaynet.delay.DelayKind;
import java.util.Arrays;

/**
 * One neuron's first spike in the forward pass: the causal-set scan of {@link FirstSpike}, with
 * the arrival list built only as far as the scan reaches. The list, the spike time and the causal
 * set are bit for bit those of building the whole list by insertion over the layer's
 * {@link InputOrder} and scanning it; only the work differs.
 *
 * <ul>
 *   <li><b>Shared</b> (no delays, axonal delays): every neuron of the layer sees the same arrival
 *   times, so the list is built once per layer ({@link #buildShared}) and each neuron only reads
 *   its weights along it; the scan stops at the spike.</li>
 *   <li><b>Ranked</b> (synaptic, up to {@value #RANK_UP_TO} inputs) and <b>selected</b> (synaptic,
 *   up to {@value #SORT_ABOVE}): synaptic delays put a neuron's inputs in a random order, on which
 *   insertion mispredicts a branch per input; {@link #ranked} counts each entry's place without a
 *   branch, {@link #selected} takes the next arrival by a branch-free minimum over packed keys, as
 *   far as the scan reaches, and needs no sorted layer order.</li>
 *   <li><b>Insertion</b> (dendritic): inputs enter
 *   the list in the layer's order, each inserted after every arrival at or before it. The layer's
 *   lower bounds tell when no input still to come can arrive before the list's next entry, so the
 *   scan takes inputs only until it has found the spike: a neuron that fires after a third of its
 *   inputs never touches the other two thirds.</li>
 *   <li><b>Sorting</b> (synaptic delays, more than {@value #SORT_ABOVE} inputs): per-synapse delays
 *   can reorder the inputs arbitrarily, and insertion would cost n^2/4 moves. The arrivals of all
 *   neurons are first computed layer-wide from presynaptic-major delays ({@link #arrivalsByPosition}:
 *   one contiguous row per active input rather than scattered reads from every neuron's row), then
 *   each neuron's are packed with their position into longs (dropping the last mantissa bits),
 *   sorted by one primitive sort and put exactly in order by an insertion pass that almost never
 *   moves anything; ties stay in the layer's order, as with insertion.</li>
 * </ul>
 */
final class NeuronScan {
    /** Above this many inputs, synaptic-delay lists are sorted rather than built by insertion. */
    static final int SORT_ABOVE = 32;
    /**
     * Up to this many inputs, synaptic-delay lists are built by counting ranks ({@link #ranked}):
     * n^2 compares without a branch beat insertion's mispredicted branches for few inputs (Yin-Yang's
     * first layer has 4), while above it insertion wins by stopping at the spike (Yin-Yang's second
     * layer: 23 inputs, 14 taken), and above it {@link #selected} wins.
     */
    static final int RANK_UP_TO = 8;

    private NeuronScan() {
    }

    /**
     * Neuron {@code j} of layer {@code l}: fills its list (as far as needed) and causal-set size in
     * {@code trace}, returns its spike time. Needs {@code trace.presynapticOrder},
     * {@code trace.inputLowerBound} and {@code trace.inputHalfExp} for the layer's {@code active}
     * inputs, and {@code active > 0}.
     */
    static double firstSpike(EventTrace trace, int l, Projection p, int j, int active, double ref, LifModel model) {
        if (trace.shared[l]) {
            return shared(trace, l, p, j, active, ref, model);
        }
        if (sorts(p, active)) {
            return sorted(trace, l, p, j, active, ref, model);
        }
        if (p.kind() == DelayKind.SYNAPTIC) {
            return active <= RANK_UP_TO ? ranked(trace, l, p, j, active, ref, model)
                    : selected(trace, l, p, j, active, ref, model);
        }
        return inserted(trace, l, p, j, active, ref, model);
    }

    /**
     * Whether the neurons of {@code p} need the layer's inputs in order ({@link InputOrder}) for this
     * many: all but the synaptic ones of {@link #selected}, which order each neuron's arrivals
     * themselves and need the layer's order only to break exact ties, for which the packed keys
     * {@link InputOrder} leaves in {@code trace.sortKeys} suffice (no sort: on Yin-Yang's second
     * layer the sort of 23 keys cost a third of what its three neurons do). {@link #ranked} keeps
     * the sorted order: a sort of up to {@value #RANK_UP_TO} keys is cheap, and a rank count with
     * positions in layer order needs no key compare.
     */
    static boolean needsLayerOrder(Projection p, int active) {
        return p.kind() != DelayKind.SYNAPTIC || active > SORT_ABOVE || active <= RANK_UP_TO;
    }

    /** Whether the lists of {@code p} are sorted (rather than built by insertion) for this many inputs. */
    static boolean sorts(Projection p, int active) {
        return p.kind() == DelayKind.SYNAPTIC && active > SORT_ABOVE;
    }

    /** Neurons whose arrivals are gathered together in a sorted synaptic layer: their rows stay in cache. */
    static final int TILE = 16;

    /**
     * For a sorted synaptic layer: the arrivals, half exponentials and weights of neurons
     * {@code from} to {@code from + TILE} (or the layer's end), in the layer's input order, read
     * from one contiguous run of presynaptic-major delays and weights per active input instead of
     * scattered places in every neuron's row; the per-neuron sorts then read them contiguously.
     */
    static void arrivalsByPosition(EventTrace trace, int l, Projection p, int active, int from) {
        int post = p.post();
        int to = Math.min(post, from + TILE);
        int[] order = trace.presynapticOrder;
        double[] in = trace.times[l];
        double[] inHalf = trace.inputHalfExp;
        double[] d = p.delaysByInput();
        double[] dHalf = p.halfExpsByInput();
        double[] w = p.weightsByInput();
        double[] arrival = trace.byPositionArrival;
        double[] half = trace.byPositionHalf;
        double[] weight = trace.byPositionWeight;
        for (int m = 0; m < active; m++) {
            int i = order[m];
            double t = in[i];
            double h = inHalf[i];
            int row = i * post;
            for (int j = from; j < to; j++) {
                int at = (j - from) * active + m;
                arrival[at] = t + d[row + j];
                half[at] = h * dHalf[row + j];
                weight[at] = w[row + j];
            }
        }
    }

    /** Whether every neuron of {@code p} sees its inputs at the same times (no delays, or axonal ones). */
    static boolean sharesArrivals(Projection p) {
        return (p.kind() == DelayKind.NONE || p.kind() == DelayKind.AXONAL) && p.sameDelayPerInput();
    }

    /**
     * Whether the input order's keys of {@code p} already hold each input's delay (axonal delays that
     * are the same at every target); otherwise inputs are ordered by spike time and a neuron's arrivals
     * are bounded by its earliest delay, as for synaptic ones.
     */
    static boolean keysHoldDelays(Projection p) {
        return p.kind() == DelayKind.AXONAL && p.sameDelayPerInput();
    }

    /**
     * The list of a layer whose neurons share their arrival times: the layer's order put exactly in
     * order by insertion, which is what each neuron's own insertion would give, since the arrival
     * times (spike time plus the one delay of the input) are the same doubles for every neuron.
     */
    static void buildShared(EventTrace trace, int l, Projection p, int active, double ref) {
        int[] order = trace.presynapticOrder;
        double[] in = trace.times[l];
        double[] inHalf = trace.inputHalfExp;
        double[] d = p.synapseDelays();      // neuron 0's row: the same delays for every neuron
        double[] dHalf = p.synapseHalfExps();
        double[] arrival = trace.layerArrival[l];
        double[] half = trace.layerHalf[l];
        int[] source = trace.layerSource[l];
        for (int m = 0; m < active; m++) {
            int i = order[m];
            double a = in[i] + d[i];
            int at = m;
            while (at > 0 && arrival[at - 1] > a) {
                arrival[at] = arrival[at - 1];
                half[at] = half[at - 1];
                source[at] = source[at - 1];
                at--;
            }
            arrival[at] = a;
            half[at] = inHalf[i] * dHalf[i];
            source[at] = i;
        }
        double[] full = trace.layerFull[l];
        double[] shifted = trace.layerShifted[l];
        for (int m = 0; m < active; m++) {
            full[m] = half[m] * half[m];
            shifted[m] = arrival[m] - ref;
        }
    }

    private static double shared(EventTrace trace, int l, Projection p, int j, int active, double ref,
                                 LifModel model) {
        int base = j * p.pre();
        double[] w = p.weights().values();
        double[] arrival = trace.layerArrival[l];
        double[] half = trace.layerHalf[l];
        double[] full = trace.layerFull[l];
        double[] shifted = trace.layerShifted[l];
        int[] source = trace.layerSource[l];
        double c = model.threshold() * model.leakConductance();
        boolean lambert = model.equalTimeConstants();
        double sumFull = 0;
        double sumHalf = 0;
        double sumTimed = 0;
        for (int k = 0; k < active; k++) {
            double h = half[k];
            double wk = w[base + source[k]];
            sumFull += wk * full[k];
            if (lambert) {
                sumTimed += wk * shifted[k] * full[k];
            } else {
                sumHalf += wk * h;
            }
            boolean last = k + 1 == active;
            if (!last && arrival[k + 1] == arrival[k]) {
                continue; // simultaneous inputs act together
            }
            double r = FirstSpike.root(lambert, sumFull, sumHalf, sumTimed, c, ref, arrival[k], h, last,
                    last ? 0 : arrival[k + 1], last ? 0 : half[k + 1]);
            if (!Double.isNaN(r)) {
                trace.causal[l][j] = k + 1;
                trace.arrivals[l][j] = active;
                trace.root[l][j] = r;
                return FirstSpike.time(lambert, r, ref);
            }
        }
        trace.causal[l][j] = 0;
        trace.arrivals[l][j] = active;
        return Double.POSITIVE_INFINITY;
    }

    private static double inserted(EventTrace trace, int l, Projection p, int j, int active, double ref,
                                   LifModel model) {
        int base = j * p.pre();
        int[] order = trace.presynapticOrder;
        double[] lower = trace.inputLowerBound;
        // lower[m] bounds the layer-order key of inputs m, m+1, ...; their arrivals at neuron j are
        // that key plus at least this (axonal keys already hold the delay)
        double shift = keysHoldDelays(p) ? 0.0 : p.earliestDelay(j);
        double[] in = trace.times[l];
        double[] inHalf = trace.inputHalfExp;
        double[] w = p.weights().values();
        double[] d = p.synapseDelays();
        double[] dHalf = p.synapseHalfExps();
        double[] arrival = trace.arrival[l];
        double[] half = trace.halfExp[l];
        double[] weight = trace.weight[l];
        int[] source = trace.source[l];
        double c = model.threshold() * model.leakConductance();
        boolean lambert = model.equalTimeConstants();
        double sumFull = 0;
        double sumHalf = 0;
        double sumTimed = 0;
        int taken = 0;
        for (int k = 0; k < active; k++) {
            // entries k and k+1 must be final: nothing still to come may arrive before entry k+1
            while (taken < active && (taken <= k + 1 || arrival[base + k + 1] > lower[taken] + shift)) {
                int i = order[taken];
                double a = in[i] + d[base + i];
                int at = base + taken;
                while (at > base && arrival[at - 1] > a) {
                    arrival[at] = arrival[at - 1];
                    half[at] = half[at - 1];
                    weight[at] = weight[at - 1];
                    source[at] = source[at - 1];
                    at--;
                }
                arrival[at] = a;
                half[at] = inHalf[i] * dHalf[base + i];
                weight[at] = w[base + i];
                source[at] = i;
                taken++;
            }
            int e = base + k;
            double h = half[e];
            double full = h * h;
            double wk = weight[e];
            sumFull += wk * full;
            if (lambert) {
                sumTimed += wk * (arrival[e] - ref) * full;
            } else {
                sumHalf += wk * h;
            }
            boolean last = k + 1 == active;
            if (!last && arrival[e + 1] == arrival[e]) {
                continue; // simultaneous inputs act together
            }
            double r = FirstSpike.root(lambert, sumFull, sumHalf, sumTimed, c, ref, arrival[e], h, last,
                    last ? 0 : arrival[e + 1], last ? 0 : half[e + 1]);
            if (!Double.isNaN(r)) {
                trace.causal[l][j] = k + 1;
                trace.arrivals[l][j] = taken;
                trace.root[l][j] = r;
                return FirstSpike.time(lambert, r, ref);
            }
        }
        trace.causal[l][j] = 0;
        trace.arrivals[l][j] = taken;
        return Double.POSITIVE_INFINITY;
    }

    /**
     * A synaptic-delay neuron with few inputs (at most {@value #RANK_UP_TO}): its whole list, each
     * entry put straight at its rank. The rank of the input at position m of the layer order is
     * the number of inputs arriving before it, plus those arriving at the same instant from earlier
     * positions: the place insertion in layer order gives it. Counting compiles to compares and
     * adds without branches; insertion, whose every step is a branch on the random order that
     * synaptic delays give, mispredicts about once per input, which made it the larger part of
     * the forward pass on Yin-Yang.
     */
    private static double ranked(EventTrace trace, int l, Projection p, int j, int active, double ref,
                                 LifModel model) {
        int base = j * p.pre();
        int[] order = trace.presynapticOrder;
        double[] in = trace.times[l];
        double[] inHalf = trace.inputHalfExp;
        double[] w = p.weights().values();
        double[] d = p.synapseDelays();
        double[] dHalf = p.synapseHalfExps();
        double[] arrival = trace.arrival[l];
        double[] half = trace.halfExp[l];
        double[] weight = trace.weight[l];
        int[] source = trace.source[l];
        double[] byPosition = trace.positionArrival;
        for (int m = 0; m < active; m++) {
            int i = order[m];
            byPosition[m] = in[i] + d[base + i];
        }
        for (int m = 0; m < active; m++) {
            double a = byPosition[m];
            int rank = 0;
            for (int q = 0; q < m; q++) {
                rank += byPosition[q] <= a ? 1 : 0;
            }
            for (int q = m + 1; q < active; q++) {
                rank += byPosition[q] < a ? 1 : 0;
            }
            int i = order[m];
            int at = base + rank;
            arrival[at] = a;
            half[at] = inHalf[i] * dHalf[base + i];
            weight[at] = w[base + i];
            source[at] = i;
        }
        trace.arrivals[l][j] = active;
        double c = model.threshold() * model.leakConductance();
        boolean lambert = model.equalTimeConstants();
        double sumFull = 0;
        double sumHalf = 0;
        double sumTimed = 0;
        for (int k = 0; k < active; k++) {
            int e = base + k;
            double h = half[e];
            double full = h * h;
            double wk = weight[e];
            sumFull += wk * full;
            if (lambert) {
                sumTimed += wk * (arrival[e] - ref) * full;
            } else {
                sumHalf += wk * h;
            }
            boolean last = k + 1 == active;
            if (!last && arrival[e + 1] == arrival[e]) {
                continue; // simultaneous inputs act together
            }
            double r = FirstSpike.root(lambert, sumFull, sumHalf, sumTimed, c, ref, arrival[e], h, last,
                    last ? 0 : arrival[e + 1], last ? 0 : half[e + 1]);
            if (!Double.isNaN(r)) {
                trace.causal[l][j] = k + 1;
                trace.root[l][j] = r;
                return FirstSpike.time(lambert, r, ref);
            }
        }
        trace.causal[l][j] = 0;
        return Double.POSITIVE_INFINITY;
    }

    /**
     * A synaptic-delay neuron with {@value #RANK_UP_TO} to {@value #SORT_ABOVE} inputs: its list
     * taken in arrival order, one input at a time, only as far as the scan reaches. Each input's
     * arrival is packed with its position into a long (as {@link #sorted} does, dropping the last
     * mantissa bits); the next input is the smallest key still there, found by a branch-free
     * minimum over the minima of groups of four keys (after a key is taken only its group's minimum
     * is taken again: 10 instead of 23 comparisons per selection on Yin-Yang's output layer), and
     * goes into the list by insertion on its exact arrival (exact ties in the layer's order, by
     * {@link InputOrder}'s keys), which moves it only past inputs whose keys
     * differ in the dropped bits alone. An
     * entry is final once the smallest key left is beyond its own key's time bits: nothing still to
     * come can then arrive before it. So the list is the one insertion in layer order builds, and a
     * neuron that fires after half its inputs never takes the other half; insertion in layer
     * order, instead, mispredicts a branch about once per input under synaptic delays.
     */
    private static double selected(EventTrace trace, int l, Projection p, int j, int active, double ref,
                                   LifModel model) {
        int base = j * p.pre();
        int[] order = trace.presynapticOrder;
        double[] in = trace.times[l];
        double[] inHalf = trace.inputHalfExp;
        double[] w = p.weights().values();
        double[] d = p.synapseDelays();
        double[] dHalf = p.synapseHalfExps();
        double[] arrival = trace.arrival[l];
        double[] half = trace.halfExp[l];
        double[] weight = trace.weight[l];
        int[] source = trace.source[l];
        double[] byPosition = trace.positionArrival;
        long[] keys = trace.positionKeys;
        long[] layerKey = trace.sortKeys; // order[] is by index here; these keys give the layer's order
        int[] position = trace.positionOrder; // the position m of each list entry
        int bits = 32 - Integer.numberOfLeadingZeros(active - 1);
        long mask = (1L << bits) - 1;
        for (int m = 0; m < active; m++) {
            double a = in[order[m]] + d[base + order[m]];
            byPosition[m] = a;
            keys[m] = (InputOrder.sortable(a) >>> 1 & ~mask) | m;
        }
        long[] groupMin = trace.groupKeys;
        int groups = (active + 3) >> 2;
        for (int m = active; m < groups << 2; m++) {
            keys[m] = Long.MAX_VALUE; // the last group's unused slots
        }
        for (int g = 0; g < groups; g++) {
            groupMin[g] = groupMinimum(keys, g);
        }
        long next = smallest(groupMin, groups);
        double c = model.threshold() * model.leakConductance();
        boolean lambert = model.equalTimeConstants();
        double sumFull = 0;
        double sumHalf = 0;
        double sumTimed = 0;
        int taken = 0;
        for (int k = 0; k < active; k++) {
            // entries k and k+1 must be final: no key left may share the time bits of entry k+1's
            while (taken < active && (taken <= k + 1
                    || (next & ~mask) <= (InputOrder.sortable(arrival[base + k + 1]) >>> 1 & ~mask))) {
                int m = (int) (next & mask);
                keys[m] = Long.MAX_VALUE;
                groupMin[m >> 2] = groupMinimum(keys, m >> 2);
                int i = order[m];
                double a = byPosition[m];
                long key = layerKey[m];
                int at = base + taken;
                // only keys equal up to the dropped bits move; exact ties go in the layer's order
                while (at > base && (arrival[at - 1] > a
                        || arrival[at - 1] == a && layerKey[position[at - 1 - base]] > key)) {
                    arrival[at] = arrival[at - 1];
                    half[at] = half[at - 1];
                    weight[at] = weight[at - 1];
                    source[at] = source[at - 1];
                    position[at - base] = position[at - 1 - base];
                    at--;
                }
                arrival[at] = a;
                half[at] = inHalf[i] * dHalf[base + i];
                weight[at] = w[base + i];
                source[at] = i;
                position[at - base] = m;
                taken++;
                next = taken < active ? smallest(groupMin, groups) : Long.MAX_VALUE;
            }
            int e = base + k;
            double h = half[e];
            double full = h * h;
            double wk = weight[e];
            sumFull += wk * full;
            if (lambert) {
                sumTimed += wk * (arrival[e] - ref) * full;
            } else {
                sumHalf += wk * h;
            }
            boolean last = k + 1 == active;
            if (!last && arrival[e + 1] == arrival[e]) {
                continue; // simultaneous inputs act together
            }
            double r = FirstSpike.root(lambert, sumFull, sumHalf, sumTimed, c, ref, arrival[e], h, last,
                    last ? 0 : arrival[e + 1], last ? 0 : half[e + 1]);
            if (!Double.isNaN(r)) {
                trace.causal[l][j] = k + 1;
                trace.arrivals[l][j] = taken;
                trace.root[l][j] = r;
                return FirstSpike.time(lambert, r, ref);
            }
        }
        trace.causal[l][j] = 0;
        trace.arrivals[l][j] = taken;
        return Double.POSITIVE_INFINITY;
    }

    /** The smallest of the four keys of group {@code g}, without a branch. */
    private static long groupMinimum(long[] keys, int g) {
        int q = g << 2;
        return Math.min(Math.min(keys[q], keys[q + 1]), Math.min(keys[q + 2], keys[q + 3]));
    }

    /** The smallest of {@code keys[0..n)}: four independent running minima, compiled to conditional moves. */
    private static long smallest(long[] keys, int n) {
        long m0 = Long.MAX_VALUE;
        long m1 = Long.MAX_VALUE;
        long m2 = Long.MAX_VALUE;
        long m3 = Long.MAX_VALUE;
        int q = 0;
        for (; q + 3 < n; q += 4) {
            m0 = Math.min(m0, keys[q]);
            m1 = Math.min(m1, keys[q + 1]);
            m2 = Math.min(m2, keys[q + 2]);
            m3 = Math.min(m3, keys[q + 3]);
        }
        for (; q < n; q++) {
            m0 = Math.min(m0, keys[q]);
        }
        return Math.min(Math.min(m0, m1), Math.min(m2, m3));
    }

    private static double sorted(EventTrace trace, int l, Projection p, int j, int active, double ref,
                                 LifModel model) {
        int base = j * p.pre();
        int[] order = trace.presynapticOrder;
        double[] arrival = trace.arrival[l];
        double[] byPosition = trace.byPositionArrival;
        double[] halfByPosition = trace.byPositionHalf;
        int tile = (j % TILE) * active; // this neuron's run in the tile buffers
        long[] keys = trace.positionKeys;
        int[] position = trace.positionOrder;
        int bits = 32 - Integer.numberOfLeadingZeros(active - 1);
        long mask = (1L << bits) - 1;
        for (int m = 0; m < active; m++) {
            keys[m] = (InputOrder.sortable(byPosition[tile + m]) >>> 1 & ~mask) | m;
        }
        Arrays.sort(keys, 0, active);
        for (int k = 0; k < active; k++) {
            int m = (int) (keys[k] & mask);
            double a = byPosition[tile + m];
            int at = base + k;
            while (at > base && arrival[at - 1] > a) { // only keys equal up to the dropped bits move
                arrival[at] = arrival[at - 1];
                position[at - base] = position[at - base - 1];
                at--;
            }
            arrival[at] = a;
            position[at - base] = m;
        }
        double[] weightByPosition = trace.byPositionWeight;
        double[] half = trace.halfExp[l];
        double[] weight = trace.weight[l];
        int[] source = trace.source[l];
        double c = model.threshold() * model.leakConductance();
        boolean lambert = model.equalTimeConstants();
        double sumFull = 0;
        double sumHalf = 0;
        double sumTimed = 0;
        int fetched = 0;
        for (int k = 0; k < active; k++) {
            while (fetched < active && fetched <= k + 1) {
                int m = position[fetched];
                int i = order[m];
                int e = base + fetched;
                half[e] = halfByPosition[tile + m];
                weight[e] = weightByPosition[tile + m];
                source[e] = i;
                fetched++;
            }
            int e = base + k;
            double h = half[e];
            double full = h * h;
            double wk = weight[e];
            sumFull += wk * full;
            if (lambert) {
                sumTimed += wk * (arrival[e] - ref) * full;
            } else {
                sumHalf += wk * h;
            }
            boolean last = k + 1 == active;
            if (!last && arrival[e + 1] == arrival[e]) {
                continue; // simultaneous inputs act together
            }
            double r = FirstSpike.root(lambert, sumFull, sumHalf, sumTimed, c, ref, arrival[e], h, last,
                    last ? 0 : arrival[e + 1], last ? 0 : half[e + 1]);
            if (!Double.isNaN(r)) {
                trace.causal[l][j] = k + 1;
                trace.arrivals[l][j] = fetched;
                trace.root[l][j] = r;
                return FirstSpike.time(lambert, r, ref);
            }
        }
        trace.causal[l][j] = 0;
        trace.arrivals[l][j] = fetched;
        return Double.POSITIVE_INFINITY;
    }
}
