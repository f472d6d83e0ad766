package io.delaynet.event;

import static io.delaynet.config.MemoryCheck.booleans;
import static io.delaynet.config.MemoryCheck.doubles;
import static io.delaynet.config.MemoryCheck.ints;
import static io.delaynet.config.MemoryCheck.references;

/**
 * Everything one forward pass of one sample leaves for its backward pass: per layer the spike
 * times, the arrivals of every neuron sorted by time (at least its causal set and the next entry;
 * the forward pass stops building a list once the neuron has fired), and the size of each causal set. Allocated
 * once per worker and reused for every sample, so the hot loop allocates nothing.
 */
public final class EventTrace {
    final double[][] times;      // [layer + 1][neurons]; times[0] is the input
    final double[] reference;     // [layer] reference time of the exponentials
    final double[][] root;       // [layer][post] y = e^{-(T - reference[layer])/2} of each spike, where rooted[layer]
    final boolean[] rooted;      // [layer] root holds the forward pass's closed-form roots (tau_m = 2 tau_s)
    final double[][] arrival;    // [layer][post * pre] sorted arrival times per postsynaptic neuron
    final double[][] halfExp;    // [layer][post * pre] exp((arrival - ref)/2) in sorted order
    final double[][] weight;     // [layer][post * pre] weights in sorted order
    final int[][] source;        // [layer][post * pre] presynaptic index in sorted order
    final int[][] arrivals;      // [layer][post] number of non-silent inputs
    final int[][] causal;        // [layer][post] causal-set size (0 = no spike)
    final boolean[] shared;      // [layer] every neuron's list is the layer's list (no delays, axonal delays)
    final boolean[] laned;       // [layer] the lists are in lane layout: entry k of neuron j at k * laneStride + j (LaneScan)
    final int[] laneStride;      // [layer] post rounded up to whole lane groups
    final double[][] layerArrival; // [layer][pre] the layer's list when shared: arrival times in order
    final double[][] layerHalf;    // [layer][pre] exp((arrival - ref)/2) in that order
    final double[][] layerFull;    // [layer][pre] its square, exp(arrival - ref)
    final double[][] layerShifted; // [layer][pre] arrival - ref
    final int[][] layerSource;     // [layer][pre] presynaptic index in that order
    final double[] byPositionArrival; // scratch, sorted synaptic layers: [neuron of the tile][m] arrival of the m-th input of the layer order
    final double[] byPositionHalf;    // scratch: likewise its half exponential
    final double[] byPositionWeight;  // scratch: likewise its weight
    final double[][] timeGradient; // [layer + 1][neurons] dL/dt for every spike time (index 0: inputs)
    final double[] inputHalfExp; // scratch, largest layer width
    final double[] kernelScratch; // scratch for kappa and kappa' of one neuron's causal set
    final int[] presynapticOrder; // scratch: non-silent inputs of a layer in arrival order
    final long[] sortKeys;        // scratch: packed (time, index) keys for that order
    final double[] inputLowerBound; // scratch: no input at or after this position of that order is earlier
    final double[] positionArrival; // scratch: one neuron's arrivals in the layer's input order
    final long[] positionKeys;      // scratch: packed (arrival, position) keys of one neuron, padded to groups of 4
    final long[] groupKeys;         // scratch: the smallest of each group of 4 positionKeys
    final int[] positionOrder;      // scratch: positions in the layer's order, sorted by arrival
    final LaneScan.Scratch lanes = new LaneScan.Scratch(); // scratch of a lane-scanned layer's group

    /**
     * The bytes a trace of {@code network} holds, array by array as the constructor allocates them:
     * per layer its spike times and their gradients, three doubles and an int per synapse (the
     * sorted arrivals), the layer-wide lists, and scratch of the widest layer.
     */
    static long bytes(EventNetwork network) {
        int layers = network.layerCount();
        long total = 256 + LaneScan.Scratch.bytes() + 15 * references(layers + 1L) + doubles(layers)
                + 3 * booleans(layers) + ints(layers)
                + 2 * doubles(network.inputSize());
        long widest = network.inputSize();
        for (int l = 0; l < layers; l++) {
            Projection p = network.projection(l);
            long entries = listEntries(p);
            total += 3 * doubles(p.post()) + 3 * doubles(entries) + ints(entries) + 2 * ints(p.post())
                    + 4 * doubles(p.pre()) + ints(p.pre());
            widest = Math.max(widest, p.pre());
        }
        return total + 4 * doubles(widest) + doubles(widest + 3) + doubles((widest + 3) / 4)
                + doubles(2 * widest) + 2 * ints(widest)
                + 3 * doubles(NeuronScan.TILE * widest);
    }

    EventTrace(EventNetwork network) {
        int layers = network.layerCount();
        times = new double[layers + 1][];
        timeGradient = new double[layers + 1][];
        times[0] = new double[network.inputSize()];
        timeGradient[0] = new double[network.inputSize()];
        reference = new double[layers];
        root = new double[layers][];
        rooted = new boolean[layers];
        arrival = new double[layers][];
        halfExp = new double[layers][];
        weight = new double[layers][];
        source = new int[layers][];
        arrivals = new int[layers][];
        causal = new int[layers][];
        shared = new boolean[layers];
        laned = new boolean[layers];
        laneStride = new int[layers];
        layerArrival = new double[layers][];
        layerHalf = new double[layers][];
        layerFull = new double[layers][];
        layerShifted = new double[layers][];
        layerSource = new int[layers][];
        int widest = network.inputSize();
        for (int l = 0; l < layers; l++) {
            Projection p = network.projection(l);
            times[l + 1] = new double[p.post()];
            root[l] = new double[p.post()];
            timeGradient[l + 1] = new double[p.post()];
            int entries = listEntries(p);
            laneStride[l] = LaneScan.stride(p);
            arrival[l] = new double[entries];
            halfExp[l] = new double[entries];
            weight[l] = new double[entries];
            source[l] = new int[entries];
            arrivals[l] = new int[p.post()];
            causal[l] = new int[p.post()];
            layerArrival[l] = new double[p.pre()];
            layerHalf[l] = new double[p.pre()];
            layerFull[l] = new double[p.pre()];
            layerShifted[l] = new double[p.pre()];
            layerSource[l] = new int[p.pre()];
            widest = Math.max(widest, p.pre());
        }
        inputHalfExp = new double[widest];
        kernelScratch = new double[2 * widest];
        presynapticOrder = new int[widest];
        sortKeys = new long[widest];
        inputLowerBound = new double[widest];
        positionArrival = new double[widest];
        positionKeys = new long[widest + 3];
        groupKeys = new long[(widest + 3) / 4];
        positionOrder = new int[widest];
        byPositionArrival = new double[NeuronScan.TILE * widest];
        byPositionHalf = new double[NeuronScan.TILE * widest];
        byPositionWeight = new double[NeuronScan.TILE * widest];
    }

    /**
     * Entries of a layer's lists: one per synapse, and where {@link LaneScan} may lay them out by
     * lanes, room for the last group's unused lanes.
     */
    private static int listEntries(Projection p) {
        return p.pre() * (LaneScan.mayApply(p) ? LaneScan.stride(p) : p.post());
    }

    /** Where entry {@code k} of neuron {@code j}'s list in (non-shared) layer {@code l} lies. */
    int listIndex(int l, int pre, int j, int k) {
        return laned[l] ? k * laneStride[l] + j : j * pre + k;
    }

    /** Spike times of layer l's neurons (l = 0 is the input layer); live view, do not modify. */
    public double[] spikeTimes(int layer) {
        return times[layer];
    }

    /** The network's output spike times; live view. */
    public double[] outputTimes() {
        return times[times.length - 1];
    }

    /** dL/dt of the spike times of layer l (0 = inputs) after {@link EventNetwork#backward}; live view. */
    public double[] timeGradient(int layer) {
        return timeGradient[layer];
    }

    /** Causal-set size of neuron j in (non-input) layer l, 0 if it did not spike. */
    public int causalSetSize(int layer, int neuron) {
        return causal[layer - 1][neuron];
    }
}
