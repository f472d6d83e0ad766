package io.delaynet.online;

import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.loss.Decision;
import io.delaynet.stepped.network.Layer;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.stepped.neuron.LeakyIntegratorParams;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.StreamingLearner.UpdateHook;
import java.util.List;

/**
 * A time-stepped network ({@link SteppedNetwork}: its layers, projections and parameter groups)
 * run forward one step at a time with the three-factor rule of docs/three-factor.md: hidden
 * layers of LIF or CubaLIF neurons (feed-forward, optionally recurrent), delays on their
 * projections, and a read-out without delays scored by a softmax cross-entropy at every step. The
 * read-out is either leaky integrators (the cross-entropy of their potentials) or spiking neurons
 * of the hidden layers' model (the cross-entropy of a low-pass trace of their spikes, section 4a).
 *
 * <p>Per step t: each hidden layer gathers its input from the histories, steps its neurons (hard
 * spikes) and records psi; the read-out integrates (or steps its neurons and its spike trace); the
 * read-out error {@code err[t] = (softmax(y[t]) - onehot) / T} gives the read-out weights their exact
 * gradient and, through the {@link Feedback} matrix and the worker's {@link ReadoutPath}, every
 * trainable hidden weight and delay advances its trace and adds the step's share of the gradient.
 * Nothing of step t is kept beyond what the delays need.
 *
 * <p>Read-only during a sequence: it reads the parameters and writes only into the workspace.
 */
public final class OnlineNetwork {
    private final SteppedNetwork network;
    private final TracedProjection[] forward;
    private final TracedProjection[] recurrent;
    private final ParameterGroup readoutWeights;
    /** The spiking read-out's projection from the last hidden layer (no delays); null for leaky integrators. */
    private final TracedProjection spikingReadout;
    /** The read-out's decay: the leaky integrators' membrane, or the spiking read-out's spike trace. */
    private final double kappa;
    private final Feedback feedback;
    private final double[][] fixedFeedback;
    private final Decision decision;
    private final List<ParameterGroup> groups;

    /** How the read-out names a class (mean_output or max_output; most_spikes or earliest_spike when it spikes). */
    public Decision decision() {
        return decision;
    }

    /** A network with a leaky-integrator read-out. */
    public OnlineNetwork(SteppedNetwork network, Feedback feedback, double[][] fixedFeedback, Decision decision) {
        this(network, feedback, fixedFeedback, decision, Double.NaN);
    }

    /**
     * @param fixedFeedback per hidden layer, the random matrix B (hidden x classes, pre-major); null
     *                      for {@link Feedback#SYMMETRIC}
     * @param traceDecay    a spiking read-out's spike-trace decay exp(-dt / tau), in (0, 1), which
     *                      the loss scores; ignored (NaN) for a leaky-integrator read-out
     */
    public OnlineNetwork(SteppedNetwork network, Feedback feedback, double[][] fixedFeedback, Decision decision,
                         double traceDecay) {
        int last = network.layerCount() - 1;
        if (last < 1) {
            throw new IllegalArgumentException("online learning needs at least one hidden layer");
        }
        Layer out = network.layer(last);
        boolean spiking = !(out.neuron() instanceof LeakyIntegratorParams);
        if (out.input().kind() != DelayKind.NONE || out.isRecurrent()) {
            throw new IllegalArgumentException("the online read-out has no delays and no recurrence");
        }
        if (feedback == Feedback.SYMMETRIC && last != 1) {
            throw new IllegalArgumentException("symmetric feedback reaches only the layer that feeds the read-out; "
                    + "with " + last + " hidden layers use random feedback");
        }
        if (feedback == Feedback.RANDOM && (fixedFeedback == null || fixedFeedback.length != last)) {
            throw new IllegalArgumentException("random feedback needs one fixed matrix per hidden layer");
        }
        if (spiking ? decision != Decision.MOST_SPIKES && decision != Decision.EARLIEST_SPIKE
                : decision != Decision.MEAN_OUTPUT && decision != Decision.MAX_OUTPUT) {
            throw new IllegalArgumentException(spiking ? "a spiking read-out decides by most_spikes or earliest_spike"
                    : "the online read-out decides by mean_output or max_output");
        }
        if (spiking && !(traceDecay > 0 && traceDecay < 1)) {
            throw new IllegalArgumentException("a spiking read-out needs a spike-trace decay in (0, 1), got " + traceDecay);
        }
        this.network = network;
        this.forward = new TracedProjection[last];
        this.recurrent = new TracedProjection[last];
        for (int l = 0; l < last; l++) {
            forward[l] = new TracedProjection(network.layer(l).input());
            recurrent[l] = network.layer(l).isRecurrent() ? new TracedProjection(network.layer(l).recurrent()) : null;
        }
        this.readoutWeights = out.input().weights();
        this.spikingReadout = spiking ? new TracedProjection(out.input()) : null;
        this.kappa = spiking ? traceDecay : ((LeakyIntegratorParams) out.neuron()).beta();
        this.feedback = feedback;
        this.fixedFeedback = fixedFeedback;
        this.decision = decision;
        this.groups = network.parameters();
    }

    public SteppedNetwork network() {
        return network;
    }

    public Feedback feedback() {
        return feedback;
    }

    /** The spiking read-out's projection, or null when the read-out is leaky integrators. */
    TracedProjection spikingReadout() {
        return spikingReadout;
    }

    double kappa() {
        return kappa;
    }

    int hiddenCount() {
        return forward.length;
    }

    TracedProjection forward(int l) {
        return forward[l];
    }

    TracedProjection recurrent(int l) {
        return recurrent[l];
    }

    public int steps() {
        return network.steps();
    }

    public int inputSize() {
        return network.inputSize();
    }

    public int outputSize() {
        return network.outputSize();
    }

    boolean trains(ParameterGroup g) {
        return g != null && g.trainable();
    }

    private int slot(ParameterGroup g) {
        return g == null ? -1 : groups.indexOf(g);
    }

    /** A workspace with gradient buffers shaped like the parameter groups. */
    /** An upper bound of the bytes {@link #newWorkspace()} allocates: its state and the gradient accumulators. */
    public long workspaceBytes() {
        return OnlineWorkspace.bytes(this) + io.delaynet.train.Learner.gradientBytes(groups)
                + io.delaynet.config.MemoryCheck.booleans(groups.size());
    }

    public OnlineWorkspace newWorkspace() {
        double[][] gradients = new double[groups.size()][];
        boolean[] trainable = new boolean[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            gradients[g] = new double[groups.get(g).size()];
            trainable[g] = groups.get(g).trainable();
        }
        return new OnlineWorkspace(this, gradients, trainable);
    }

    /** Re-reads the delays into the tap tables; after every change of the delay values. */
    public void refresh() {
        for (int l = 0; l < forward.length; l++) {
            forward[l].refresh();
            if (recurrent[l] != null) {
                recurrent[l].refresh();
            }
        }
    }

    /**
     * Runs one sequence from rest.
     *
     * @param learn false: forward only (no traces, no gradients)
     * @param every time steps between calls of {@code hook} (and one at the end), when learning
     */
    public SampleResult run(SpikeEvents input, int label, OnlineWorkspace ws, boolean learn, int every,
                            UpdateHook hook) {
        return run(input, label, ws, learn, every, hook, false);
    }

    /**
     * Runs one sequence, from rest or, with {@code carryOn}, as the next segment of one unsegmented
     * stream: then nothing is reset (neurons, histories, traces, read-out carry on from the end of the
     * previous segment, and spikes still in flight arrive), only the loss, the label and the running
     * decision are this segment's.
     */
    public SampleResult run(SpikeEvents input, int label, OnlineWorkspace ws, boolean learn, int every,
                            UpdateHook hook, boolean carryOn) {
        if (every < 1) {
            throw new IllegalArgumentException("updates every k steps need k >= 1, got " + every);
        }
        if (!carryOn) {
            ws.clearState();
        }
        int steps = network.steps();
        ws.running.reset();
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            // the histories are indexed by the stream's clock, so a segment reads the previous one's last rows
            int now = ws.clock + t;
            forwardStep(input, t, now, ws);
            loss += readoutError(ws, label, steps);
            ws.running.advance(spikingReadout == null ? ws.readout : ws.output.spikes(), 0);
            if (learn) {
                learnStep(now, ws);
                if ((t + 1) % every == 0 || t == steps - 1) {
                    hook.update();
                }
            }
            endStep(now, ws);
        }
        ws.advanceClock(steps);
        return new SampleResult(loss / steps, ws.running.current(), label, ws.running.settledStep());
    }

    /** Step t of the input, at step {@code now} of the stream's clock. */
    private void forwardStep(SpikeEvents input, int t, int now, OnlineWorkspace ws) {
        double[] row = ws.inputRow;
        java.util.Arrays.fill(row, 0.0);
        for (int k = input.from(t); k < input.to(t); k++) {
            row[input.neuron(k)] += input.value(k);
        }
        for (int l = 0; l < forward.length; l++) {
            LifLayer n = ws.layers[l];
            ws.below[l].put(now, l == 0 ? row : ws.layers[l - 1].spikes());
            n.beginStep();
            forward[l].addInput(ws.below[l], now, n.input());
            if (recurrent[l] != null) {
                recurrent[l].addInput(ws.own[l], now, n.input());
            }
            n.step();
        }
        double[] z = ws.layers[forward.length - 1].spikes();
        if (spikingReadout != null) {
            spikingReadoutStep(z, now, ws);
            return;
        }
        double[] w = readoutWeights.values();
        double[] a = ws.readoutInput;
        java.util.Arrays.fill(a, 0.0);
        int classes = a.length;
        for (int j = 0; j < z.length; j++) {
            if (z[j] != 0) {
                for (int k = 0; k < classes; k++) {
                    a[k] += z[j] * w[j * classes + k];
                }
            }
        }
        for (int k = 0; k < classes; k++) {
            ws.readout[k] = kappa * ws.readout[k] + a[k];
        }
    }

    /** The output neurons step on the last hidden layer's spikes of the same step; their trace r follows. */
    private void spikingReadoutStep(double[] z, int t, OnlineWorkspace ws) {
        LifLayer out = ws.output;
        ws.readoutBelow.put(t, z);
        out.beginStep();
        spikingReadout.addInput(ws.readoutBelow, t, out.input());
        out.step();
        double[] spikes = out.spikes();
        for (int k = 0; k < spikes.length; k++) {
            ws.readout[k] = kappa * ws.readout[k] + spikes[k];
        }
    }

    /** Writes err[t] into the workspace and returns the step's cross-entropy (not yet divided by T). */
    private static double readoutError(OnlineWorkspace ws, int label, int steps) {
        double[] y = ws.readout;
        double top = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            top = Math.max(top, v);
        }
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            ws.probabilities[k] = Math.exp(y[k] - top);
            sum += ws.probabilities[k];
        }
        for (int k = 0; k < y.length; k++) {
            double p = ws.probabilities[k] / sum;
            ws.error[k] = (p - (k == label ? 1.0 : 0.0)) / steps;
        }
        return Math.log(sum) + top - y[label];
    }

    private void learnStep(int t, OnlineWorkspace ws) {
        int last = forward.length - 1;
        double[] err = ws.error;
        int classes = err.length;
        int out = slot(readoutWeights);
        if (spikingReadout != null) {
            if (ws.trained(out)) {
                spikingReadout.trace(ws.readoutBelow, t, ws.output, ws.readoutTraces, ws.readoutPath,
                        ws.gradients()[out], null);
            }
        } else {
            double[] z = ws.layers[last].spikes();
            double[] ybar = ws.readoutTrace;
            for (int j = 0; j < ybar.length; j++) {
                ybar[j] = kappa * ybar[j] + z[j];
            }
            if (ws.trained(out)) {
                double[] g = ws.gradients()[out];
                for (int j = 0; j < ybar.length; j++) {
                    if (ybar[j] != 0) {
                        for (int k = 0; k < classes; k++) {
                            g[j * classes + k] += err[k] * ybar[j];
                        }
                    }
                }
            }
        }
        for (int l = 0; l <= last; l++) {
            double[] b = feedback == Feedback.SYMMETRIC ? readoutWeights.values() : fixedFeedback[l];
            if (ws.paths[l] instanceof SpikingReadoutPath spiking) {
                spiking.feedback(b);
            } else {
                double[] signal = ws.signal[l];
                for (int j = 0; j < signal.length; j++) {
                    double s = 0;
                    for (int k = 0; k < classes; k++) {
                        s += b[j * classes + k] * err[k];
                    }
                    signal[j] = s;
                }
            }
            trace(forward[l], ws.below[l], t, ws.layers[l], ws.forwardTraces[l], ws.paths[l], ws);
            if (recurrent[l] != null) {
                trace(recurrent[l], ws.own[l], t, ws.layers[l], ws.recurrentTraces[l], ws.paths[l], ws);
            }
        }
    }

    private void trace(TracedProjection p, History h, int t, LifLayer n, Traces tr, ReadoutPath path,
                       OnlineWorkspace ws) {
        if (tr.weightCurrent == null && tr.delayCurrent == null) {
            return;
        }
        int w = slot(p.projection().weights());
        int d = slot(p.projection().delays());
        p.trace(h, t, n, tr, path, w < 0 ? null : ws.gradients()[w], d < 0 ? null : ws.gradients()[d]);
    }

    /** A layer's own spikes of step t join its recurrent history once everything of step t has read the older ones. */
    private void endStep(int t, OnlineWorkspace ws) {
        for (int l = 0; l < forward.length; l++) {
            if (ws.own[l] != null) {
                ws.own[l].put(t, ws.layers[l].spikes());
            }
        }
    }
}
