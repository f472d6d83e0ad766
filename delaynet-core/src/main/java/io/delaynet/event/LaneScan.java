package io.delaynet.event;

import io.delaynet.delay.DelayKind;

/**
 * The first spikes of a whole small synaptic-delay layer, one neuron per vector lane: for at most
 * {@value #MAX_INPUTS} active inputs and tau_m = 2 tau_s (Yin-Yang's first layer: 4 inputs, 30
 * neurons). Each neuron's scan by itself ({@link NeuronScan}) branches on its data: on the rank of
 * each input, on every rejection test, and once more when it leaves the loop at its spike, and with
 * synaptic delays the predictor cannot learn any of it. Here every lane goes through every step of
 * the same straight-line code: the rank of each input is counted by compares, the entry of rank k
 * chosen by blends, and every candidate tested; a lane keeps the first candidate it accepts, so
 * the scan never needs to stop early.
 *
 * <p>Bit for bit the scalar path: the same operations on the same doubles in the same order (the
 * sums over the sorted list, the rejection tests of {@link FirstSpike#candidate}, the quadratic's
 * root); only the logarithm of the accepted root is taken afterwards, per lane, by the same
 * {@link Math#log}. {@code LaneScanTest} compares both on random layers. Two kernels compute it:
 * {@code VectorLaneScan} on the Vector API, and {@link PlainLaneScan}, the same lanes as plain
 * loops, where the {@code jdk.incubator.vector} module is not in the boot layer.
 */
abstract class LaneScan {
    /** The most active inputs a lane scan takes: the rank counts and blends grow as their square. */
    static final int MAX_INPUTS = 8;
    /** The widest kernel: 8 doubles, one AVX-512 register. */
    static final int MAX_LANES = 8;

    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    // the vector class is only named here, so a JVM without the module never loads it
    private static final LaneScan FASTEST = VECTOR_API ? new VectorLaneScan() : new PlainLaneScan();

    /** The Vector API kernel when its module is present, else the plain loops. */
    static LaneScan fastest() {
        return FASTEST;
    }

    /** Whether the neurons of {@code p} are scanned by lanes for this many active inputs (a non-shared layer). */
    static boolean applies(Projection p, int active, LifModel model) {
        return mayApply(p) && active <= MAX_INPUTS && !model.equalTimeConstants();
    }

    /** Whether the neurons of {@code p} can be scanned by lanes for some sample (so its lists need {@link #stride} room). */
    static boolean mayApply(Projection p) {
        return p.kind() == DelayKind.SYNAPTIC && p.pre() <= MAX_INPUTS;
    }

    /** The layer's neurons rounded up to whole groups of the widest kernel: the step between list entries. */
    static int stride(Projection p) {
        return (p.post() + MAX_LANES - 1) / MAX_LANES * MAX_LANES;
    }

    /** Neurons per group. */
    abstract int width();

    /**
     * The group of neurons {@code from} to {@code from + width()} (fewer at the layer's end): writes
     * each lane's list in arrival order straight into the layer's lists in lane layout (entry k of
     * neuron j at {@code k * stride + j}, so a group's entry k is one contiguous run, which unused
     * lanes at the layer's end fill with numbers nobody reads), {@code s.root} with the accepted
     * y = e^{-T'/2} and {@code s.causal} with the causal-set size (0: silent).
     */
    abstract void group(Scratch s, EventTrace trace, int l, Projection p, int active, double c, int from);

    /**
     * All neurons of layer {@code l}: their spike times into {@code out}, their lists (in lane
     * layout, {@link EventTrace#listIndex}), causal sets and arrival counts into {@code trace}, as
     * {@link NeuronScan#firstSpike} leaves them up to the layout. Needs the layer's order and half
     * exponentials, and {@code active > 0}.
     */
    final void scan(EventTrace trace, int l, Projection p, int active, double ref, LifModel model, double[] out) {
        Scratch s = trace.lanes;
        double c = model.threshold() * model.leakConductance();
        int width = width();
        int post = p.post();
        trace.laned[l] = true;
        for (int from = 0; from < post; from += width) {
            group(s, trace, l, p, active, c, from);
            int lanes = Math.min(width, post - from);
            for (int lane = 0; lane < lanes; lane++) {
                int j = from + lane;
                int causal = (int) s.causal[lane];
                trace.causal[l][j] = causal;
                trace.arrivals[l][j] = active;
                trace.root[l][j] = s.root[lane];
                out[j] = causal > 0 ? ref - 2 * Math.log(s.root[lane]) : Double.POSITIVE_INFINITY;
            }
        }
    }

    /**
     * Per-trace scratch of one group: [m * width + lane] for input m of the layer order.
     */
    static final class Scratch {
        final double[] arrival = new double[MAX_INPUTS * MAX_LANES];
        final double[] half = new double[MAX_INPUTS * MAX_LANES];
        final double[] weight = new double[MAX_INPUTS * MAX_LANES];
        final double[] rank = new double[MAX_INPUTS * MAX_LANES];
        final double[] root = new double[MAX_LANES];
        final double[] causal = new double[MAX_LANES];
        final int[] gather = new int[MAX_LANES]; // lane * pre: where each lane's weights start

        /** What a scratch holds, for {@link EventTrace#bytes}. */
        static long bytes() {
            return 16 + 8 * 7 + 4 * io.delaynet.config.MemoryCheck.doubles(MAX_INPUTS * MAX_LANES)
                    + 2 * io.delaynet.config.MemoryCheck.doubles(MAX_LANES)
                    + io.delaynet.config.MemoryCheck.ints(MAX_LANES);
        }
    }
}
