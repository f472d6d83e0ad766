package io.delaynet.event;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneScan} on the Vector API: 8 neurons per AVX-512 register, 4 with AVX2. Loaded only
 * when {@code jdk.incubator.vector} is in the boot layer. Every operation is the scalar path's
 * (adds, multiplies, compares, square root and division are correctly rounded lane by lane, and
 * nothing is fused), in the same order; see {@link PlainLaneScan} for the same steps as loops.
 */
final class VectorLaneScan extends LaneScan {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED.length() >= MAX_LANES
            ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    private static final VectorSpecies<Integer> INTS = S.length() == 8 ? IntVector.SPECIES_256 : IntVector.SPECIES_128;
    private static final double MARGIN = FirstSpike.MARGIN;

    @Override
    int width() {
        return S.length();
    }

    @Override
    void group(Scratch s, EventTrace trace, int l, Projection p, int active, double c, int from) {
        int width = S.length();
        int post = p.post();
        VectorMask<Double> lanes = S.indexInRange(from, post);
        int[] order = trace.presynapticOrder;
        double[] in = trace.times[l];
        double[] inHalf = trace.inputHalfExp;
        double[] d = p.delaysByInput();
        double[] dHalf = p.halfExpsByInput();
        double[] w = p.weights().values();
        int[] gather = s.gather;
        int last = Math.min(width, post - from) - 1;
        for (int lane = 0; lane < width; lane++) {
            gather[lane] = Math.min(lane, last) * p.pre(); // the gather checks every lane's index, masked or not
        }
        // the lanes' arrivals, half exponentials and weights, input by input in the layer's order:
        // delays from one contiguous run of the presynaptic-major caches each, weights gathered
        // from the live post-major ones (a caller may change them without a refresh)
        for (int m = 0; m < active; m++) {
            int i = order[m];
            int row = i * post + from;
            int at = m * width;
            DoubleVector.fromArray(S, d, row, lanes).add(in[i]).intoArray(s.arrival, at);
            DoubleVector.fromArray(S, dHalf, row, lanes).mul(inHalf[i]).intoArray(s.half, at);
            DoubleVector.fromArray(S, w, from * p.pre() + i, gather, 0, lanes).intoArray(s.weight, at);
        }
        // rank of input m: those arriving before it, and at the same instant from earlier positions
        // (where insertion in layer order puts it)
        for (int m = 0; m < active; m++) {
            DoubleVector a = DoubleVector.fromArray(S, s.arrival, m * width);
            DoubleVector rank = DoubleVector.zero(S);
            for (int q = 0; q < m; q++) {
                rank = rank.add(1.0, DoubleVector.fromArray(S, s.arrival, q * width).compare(VectorOperators.LE, a));
            }
            for (int q = m + 1; q < active; q++) {
                rank = rank.add(1.0, DoubleVector.fromArray(S, s.arrival, q * width).compare(VectorOperators.LT, a));
            }
            rank.intoArray(s.rank, m * width);
        }
        // entry k of every lane's list: the input of rank k, stored as one run of the lane layout
        double[] arrivals = trace.arrival[l];
        double[] halves = trace.halfExp[l];
        double[] weights = trace.weight[l];
        int[] sources = trace.source[l];
        int stride = trace.laneStride[l];
        for (int k = 0; k < active; k++) {
            DoubleVector arrival = DoubleVector.zero(S);
            DoubleVector half = DoubleVector.zero(S);
            DoubleVector weight = DoubleVector.zero(S);
            DoubleVector source = DoubleVector.zero(S);
            for (int m = 0; m < active; m++) {
                int at = m * width;
                VectorMask<Double> hit = DoubleVector.fromArray(S, s.rank, at).compare(VectorOperators.EQ, k);
                arrival = arrival.blend(DoubleVector.fromArray(S, s.arrival, at), hit);
                half = half.blend(DoubleVector.fromArray(S, s.half, at), hit);
                weight = weight.blend(DoubleVector.fromArray(S, s.weight, at), hit);
                source = source.blend((double) order[m], hit);
            }
            int at = k * stride + from;
            arrival.intoArray(arrivals, at);
            half.intoArray(halves, at);
            weight.intoArray(weights, at);
            ((IntVector) source.convertShape(VectorOperators.D2I, INTS, 0)).intoArray(sources, at);
        }
        // the scan: every candidate of every lane tested; each lane keeps its first accepted one
        DoubleVector sumFull = DoubleVector.zero(S);
        DoubleVector sumHalf = DoubleVector.zero(S);
        DoubleVector root = DoubleVector.zero(S);
        DoubleVector causal = DoubleVector.zero(S);
        VectorMask<Double> fired = S.maskAll(false);
        for (int k = 0; k < active; k++) {
            int at = k * stride + from;
            DoubleVector h = DoubleVector.fromArray(S, halves, at);
            DoubleVector wk = DoubleVector.fromArray(S, weights, at);
            sumFull = sumFull.add(wk.mul(h.mul(h)));
            sumHalf = sumHalf.add(wk.mul(h));
            // FirstSpike.candidate, tau_m = 2 tau_s, test by test
            VectorMask<Double> accept = sumFull.compare(VectorOperators.GT, 0.0);
            DoubleVector a2h = sumHalf.mul(h);
            DoubleVector falling = a2h.sub(sumFull.mul(2.0));
            accept = accept.andNot(falling.compare(VectorOperators.GT,
                    sumFull.abs().mul(2.0).add(a2h.abs()).mul(MARGIN))); // quadraticSurelyPast
            DoubleVector disc = sumHalf.mul(sumHalf).sub(sumFull.mul(4.0).mul(c));
            DoubleVector y = sumHalf.add(disc.sqrt()).div(sumFull.mul(2.0)); // NaN where disc < 0
            accept = accept.and(y.compare(VectorOperators.GT, 0.0)).and(y.mul(h).compare(VectorOperators.LE, 1.0));
            if (k + 1 < active) {
                int next = at + stride;
                DoubleVector hNext = DoubleVector.fromArray(S, halves, next);
                accept = accept.andNot(DoubleVector.fromArray(S, arrivals, next)
                        .compare(VectorOperators.EQ, DoubleVector.fromArray(S, arrivals, at))); // acts together
                DoubleVector a2hNext = sumHalf.mul(hNext);
                DoubleVector ch2 = hNext.mul(c).mul(hNext);
                DoubleVector rising = sumFull.mul(2.0).sub(a2hNext);
                DoubleVector below = ch2.sub(a2hNext).add(sumFull);
                VectorMask<Double> later = rising.compare(VectorOperators.GE, 0.0).and(below.compare(VectorOperators.GT,
                        a2hNext.add(sumFull.abs()).add(ch2).add(rising).mul(MARGIN))); // quadraticSurelyLater
                accept = accept.andNot(later).and(y.mul(hNext).compare(VectorOperators.GE, 1.0));
            }
            VectorMask<Double> first = accept.andNot(fired);
            root = root.blend(y, first);
            causal = causal.blend((double) (k + 1), first);
            fired = fired.or(accept);
        }
        root.intoArray(s.root, 0);
        causal.intoArray(s.causal, 0);
    }
}
