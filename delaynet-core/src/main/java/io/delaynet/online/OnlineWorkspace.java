package io.delaynet.online;

import static io.delaynet.config.MemoryCheck.doubles;
import static io.delaynet.config.MemoryCheck.ints;
import static io.delaynet.config.MemoryCheck.references;

import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Learner;
import java.util.Arrays;

/**
 * One worker's state of an online simulation: the neurons, the short presynaptic histories the
 * delays read, the eligibility traces, the read-out and the gradient accumulators. Everything
 * here has a size fixed by the network and the longest allowed delay, none by the length of the
 * sequence ({@link #stateDoubles()}); only the input sample itself, which the data hands over
 * whole, is as long as the sequence.
 */
public final class OnlineWorkspace implements Learner.Workspace {
    final SpikeEvents input;
    final double[] inputRow;
    final LifLayer[] layers;
    /** Per hidden layer: the history of what feeds it from below (the data or the layer below). */
    final History[] below;
    /** Per hidden layer: the history of its own spikes, for its recurrent projection (null without). */
    final History[] own;
    final Traces[] forwardTraces;
    final Traces[] recurrentTraces;
    /** Per hidden layer: L_j[t] (leaky-integrator read-out). */
    final double[][] signal;
    /** Per hidden layer: how its eligibilities reach the loss through the read-out. */
    final ReadoutPath[] paths;
    final double[] readoutInput;
    /** The leaky integrators' potentials y[t], or the spiking read-out's spike trace r[t]: what the loss scores. */
    final double[] readout;
    /** The last hidden layer's spikes filtered with the read-out's decay: d y_k / d W_jk (leaky integrators). */
    final double[] readoutTrace;
    /** The spiking read-out's neurons, the last hidden layer's spikes they read, and their weights' traces. */
    final LifLayer output;
    final History readoutBelow;
    final Traces readoutTraces;
    /** The read-out weights' path: their eligibility filtered with the trace's decay, times dE/dr_k. */
    final ReadoutPath readoutPath;
    final double[] error;
    final double[] probabilities;
    /** The class the read-out names so far and the step it settled at (the decision latency). */
    final io.delaynet.stepped.loss.RunningDecision running;
    private final double[][] gradients;
    private final boolean[] trainable;
    /**
     * The step of the stream the next sequence starts at: 0 from rest; a segment of a stream
     * (online.stream) starts where the previous one ended, so the histories' rings continue.
     * Kept below a multiple of every ring's depth, so it never overflows.
     */
    int clock;
    /** Whether the state is a training stream's, to be carried on by its next recording (online.stream). */
    boolean inStream;
    private final int clockPeriod;

    OnlineWorkspace(OnlineNetwork n, double[][] gradients, boolean[] trainable) {
        this.gradients = gradients;
        this.trainable = trainable;
        int layerCount = n.hiddenCount();
        input = new SpikeEvents(n.steps());
        inputRow = new double[n.inputSize()];
        layers = new LifLayer[layerCount];
        below = new History[layerCount];
        own = new History[layerCount];
        forwardTraces = new Traces[layerCount];
        recurrentTraces = new Traces[layerCount];
        signal = new double[layerCount][];
        paths = new ReadoutPath[layerCount];
        int classes = n.outputSize();
        error = new double[classes];
        TracedProjection spiking = n.spikingReadout();
        output = spiking == null ? null
                : new LifLayer(n.network().layer(layerCount).neuron(), classes, n.network().spikeFunction());
        for (int l = 0; l < layerCount; l++) {
            TracedProjection ff = n.forward(l);
            layers[l] = new LifLayer(n.network().layer(l).neuron(), ff.post(), n.network().spikeFunction());
            below[l] = new History(ff.pre(), ff.depth());
            signal[l] = new double[ff.post()];
            paths[l] = spiking == null ? new LeakyReadoutPath(n.kappa(), signal[l])
                    : new SpikingReadoutPath(output, n.kappa(), error);
            int stride = paths[l].stride();
            forwardTraces[l] = new Traces(ff.pre() * ff.post(), n.trains(ff.projection().weights()),
                    n.trains(ff.projection().delays()), stride);
            TracedProjection rec = n.recurrent(l);
            if (rec != null) {
                own[l] = new History(rec.pre(), rec.depth());
                recurrentTraces[l] = new Traces(rec.pre() * rec.post(), n.trains(rec.projection().weights()),
                        n.trains(rec.projection().delays()), stride);
            }
        }
        readoutInput = new double[classes];
        readout = new double[classes];
        readoutTrace = new double[layers[layerCount - 1].size()];
        probabilities = new double[classes];
        readoutBelow = spiking == null ? null : new History(spiking.pre(), spiking.depth());
        readoutTraces = spiking == null ? null
                : new Traces(spiking.pre() * spiking.post(), n.trains(spiking.projection().weights()), false, 1);
        readoutPath = spiking == null ? null : new LeakyReadoutPath(n.kappa(), error);
        running = new io.delaynet.stepped.loss.RunningDecision(n.decision(), classes);
        clockPeriod = period(n.steps());
    }

    /** A multiple of every history's depth, at least the sequence length: the clock may wrap at it. */
    private int period(int steps) {
        long p = 1;
        for (History h : allHistories()) {
            p = lcm(p, h.depth());
        }
        long q = p * Math.max(1, (steps + p - 1) / p);
        if (q > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("the histories' depths have too large a common multiple (" + p + ")");
        }
        return (int) q;
    }

    private java.util.List<History> allHistories() {
        java.util.List<History> all = new java.util.ArrayList<>();
        for (int l = 0; l < below.length; l++) {
            all.add(below[l]);
            if (own[l] != null) {
                all.add(own[l]);
            }
        }
        if (readoutBelow != null) {
            all.add(readoutBelow);
        }
        return all;
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long r = x % y;
            x = y;
            y = r;
        }
        return a / x * b;
    }

    /**
     * After a sequence of {@code steps}: the next one starts there. Wrapping by a multiple of every
     * ring's depth (and of at least one sequence) keeps every row where the rings expect it and the
     * steps before it non-negative.
     */
    void advanceClock(int steps) {
        clock = (clock + steps) % clockPeriod + clockPeriod;
    }

    /** The running decision's tallies per class: a score, a count and a first step. */
    private static final int RUNNING_DECISION_DOUBLES = 3;

    /**
     * The bytes a workspace of {@code n} holds, array by array as the constructor allocates them,
     * without the gradient accumulators: per hidden layer its seven neuron arrays, the histories
     * (width x depth of the longest delay), the traces (per synapse and trained kind two doubles and
     * the read-out path's stride: 1, or 1 + 2 classes for a spiking read-out) and its path, then the
     * read-out's arrays (a spiking read-out's neurons, history and weight traces too) and the input
     * spike list, counted at the stepped activity's assumed spike share of steps x inputs.
     */
    static long bytes(OnlineNetwork n) {
        return bytes(n, Activity.SPIKE_FRACTION);
    }

    /** As {@link #bytes(OnlineNetwork)}, with the input list counted at {@code spikeShare} (0: as first allocated). */
    static long bytes(OnlineNetwork n, double spikeShare) {
        int layerCount = n.hiddenCount();
        TracedProjection spiking = n.spikingReadout();
        int stride = spiking == null ? 1 : 1 + 2 * n.outputSize();
        long total = 256 + 7 * references(layerCount) + doubles(n.inputSize());
        for (int l = 0; l < layerCount; l++) {
            TracedProjection ff = n.forward(l);
            total += 64 + 7 * doubles(ff.post()) + history(ff) + traces(n, ff, stride) + doubles(ff.post()) + 48;
            TracedProjection rec = n.recurrent(l);
            if (rec != null) {
                total += history(rec) + traces(n, rec, stride);
            }
            if (l == layerCount - 1) {
                total += doubles(ff.post());
            }
        }
        if (spiking != null) {
            // the output neurons (seven arrays), the hidden row they read, their weights' traces and path
            total += 64 + 7 * doubles(n.outputSize()) + history(spiking) + traces(n, spiking, 1) + 48;
        }
        long sparseInput = (long) Math.ceil((double) n.steps() * n.inputSize() * spikeShare);
        // The running decision: an object with a score, a count and a first step per class.
        long running = 48 + doubles(n.outputSize()) + 2 * ints(n.outputSize());
        return total + 5 * doubles(n.outputSize()) + running + SpikeEvents.bytes(n.steps(), sparseInput);
    }

    private static long history(TracedProjection p) {
        return 32 + doubles((long) p.pre() * p.depth()) + ints(p.depth());
    }

    private static long traces(OnlineNetwork n, TracedProjection p, int stride) {
        long synapses = (long) p.pre() * p.post();
        long total = 48;
        for (boolean trains : new boolean[] {n.trains(p.projection().weights()), n.trains(p.projection().delays())}) {
            if (trains) {
                total += 2 * doubles(synapses) + doubles(synapses * stride);
            }
        }
        return total;
    }

    /** Back to rest: the start of a sequence. Gradients are left alone (the trainer zeroes them). */
    void clearState() {
        clock = 0;
        for (int l = 0; l < layers.length; l++) {
            layers[l].clear();
            below[l].clear();
            forwardTraces[l].clear();
            if (own[l] != null) {
                own[l].clear();
                recurrentTraces[l].clear();
            }
        }
        Arrays.fill(readout, 0.0);
        Arrays.fill(readoutTrace, 0.0);
        if (output != null) {
            output.clear();
            readoutBelow.clear();
            readoutTraces.clear();
        }
    }

    boolean trained(int group) {
        return trainable[group];
    }

    @Override
    public double[][] gradients() {
        return gradients;
    }

    /**
     * Doubles of simulation state (neurons, histories, traces, read-out): the memory that does
     * not grow with the sequence. Gradient accumulators and the input sample are not counted.
     */
    public long stateDoubles() {
        long n = inputRow.length + readoutInput.length + readout.length + readoutTrace.length + error.length
                + probabilities.length + RUNNING_DECISION_DOUBLES * readout.length;
        for (int l = 0; l < layers.length; l++) {
            n += layers[l].doubles() + below[l].doubles() + forwardTraces[l].doubles() + signal[l].length;
            if (own[l] != null) {
                n += own[l].doubles() + recurrentTraces[l].doubles();
            }
        }
        if (output != null) {
            n += output.doubles() + readoutBelow.doubles() + readoutTraces.doubles();
        }
        return n;
    }
}
