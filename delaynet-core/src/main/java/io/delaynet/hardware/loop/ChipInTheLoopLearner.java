package io.delaynet.hardware.loop;

import io.delaynet.event.DelGradLearner;
import io.delaynet.event.EventNetwork;
import io.delaynet.event.EventTrace;
import io.delaynet.event.Projection;
import io.delaynet.event.SpikeData;
import io.delaynet.event.WeightBumping;
import io.delaynet.event.loss.SpikeTimeLoss;
import io.delaynet.hardware.SpikeRecord;
import io.delaynet.hardware.SpikingBackend;
import io.delaynet.train.Learner;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Split;
import java.util.List;
import java.util.Map;

/**
 * DelGrad with the forward pass on a {@link SpikingBackend} ("chip in the loop"): the backend
 * reports spike times only, and the host evaluates DelGrad's gradients at those observed times
 * with its nominal model of the deployed network ({@link EventNetwork#observe}). The reference's
 * safeguards all apply: no gradient through a spike the nominal model cannot produce, none past
 * the nominal membrane's peak, the per-sample weight-gradient guard, the silent-sample rule, and
 * weight bumping driven by the neurons that stayed silent on the backend.
 *
 * <p>Trial noise: every run is named by {@link TrialIds} from the number of optimizer steps taken
 * so far and the sample index, so results do not depend on the thread count; the step count is
 * part of the run's checkpointed state.
 *
 * <p>Ties: the readout may report equal output times. The predicted class is the unique earliest
 * output; a tie for the earliest time is no decision and counts as wrong.
 */
public final class ChipInTheLoopLearner implements Learner<ChipInTheLoopLearner.Workspace> {
    private final EventNetwork network;
    private final DeployedNetwork deployed;
    private final SpikingBackend backend;
    private final SpikeTimeLoss loss;
    private final Map<Split, SpikeData> data;
    private final double maxWeightGradient;
    private final WeightBumping bumping;
    private final double[] maxMissing;
    private final WeightBumping.State bumpState;
    private final double weightBound;
    private final int neurons;
    private long steps;

    /**
     * @param network           the trained network (float parameters)
     * @param maxWeightGradient the per-sample DelGrad guard (+inf disables it)
     * @param maxMissing        per layer, the tolerated fraction of silent (sample, neuron) pairs
     * @param weightLimit       weights are clipped to ±weightLimit after every step (+inf: none);
     *                          hardware-aware clipping may tighten it to the chip's range
     */
    public ChipInTheLoopLearner(EventNetwork network, SpikingBackend backend, HardwareAware hardwareAware,
                                SpikeTimeLoss loss, Map<Split, SpikeData> data, double maxWeightGradient,
                                WeightBumping bumping, double[] maxMissing, double weightLimit) {
        if (maxMissing.length != network.layerCount()) {
            throw new IllegalArgumentException("need one max-missing fraction per layer");
        }
        this.network = network;
        this.backend = backend;
        this.loss = loss;
        this.data = Map.copyOf(data);
        this.maxWeightGradient = maxWeightGradient;
        this.bumping = bumping;
        this.maxMissing = maxMissing.clone();
        this.bumpState = new WeightBumping.State(bumping.value());
        this.weightBound = Math.min(weightLimit, hardwareAware.weightBound());
        int n = 0;
        for (Projection p : network.projections()) {
            n += p.post();
        }
        this.neurons = n;
        clipWeights();
        network.refresh();
        this.deployed = new DeployedNetwork(network, hardwareAware);
        backend.load(deployed.description());
    }

    public EventNetwork network() {
        return network;
    }

    public SpikingBackend backend() {
        return backend;
    }

    public WeightBumping.State bumpState() {
        return bumpState;
    }

    /** Optimizer steps (and skipped steps) taken so far: names the trial noise of the next runs. */
    public long steps() {
        return steps;
    }

    public void restoreSteps(long value) {
        steps = value;
    }

    public SpikeData data(Split split) {
        SpikeData d = data.get(split);
        return d == null ? SpikeData.EMPTY : d;
    }

    /** Per-worker scratch: the host's trace, gradient buffers and silent-neuron counters. */
    public static final class Workspace implements Learner.Workspace {
        final EventTrace trace;
        final double[][] gradients;
        final double[] silent;
        final double[] outputGradient;

        Workspace(EventNetwork network, int neurons) {
            trace = network.newTrace();
            gradients = network.newGradients();
            silent = new double[neurons];
            outputGradient = new double[network.outputSize()];
        }

        @Override
        public double[][] gradients() {
            return gradients;
        }

        @Override
        public double[] counters() {
            return silent;
        }
    }

    @Override
    public List<ParameterGroup> parameters() {
        return network.parameters();
    }

    @Override
    public Workspace newWorkspace() {
        return new Workspace(network, neurons);
    }

    @Override
    public int size(Split split) {
        return data(split).size();
    }

    @Override
    public SampleResult learn(int index, Workspace ws) {
        SpikeData train = data(Split.TRAIN);
        int label = train.labels()[index];
        SpikeRecord observed = backend.run(train.inputs()[index], TrialIds.training(steps, index));
        countSilent(observed, ws.silent);
        double[] out = observed.output();
        double value = loss.loss(out, label, ws.outputGradient);
        int predicted = predict(out);
        if (!Double.isFinite(value) || Double.isInfinite(out[label])) {
            return new SampleResult(DelGradLearner.SILENT_LOSS, predicted, label);
        }
        EventNetwork nominal = deployed.network();
        nominal.observe(observed.times(), ws.trace);
        nominal.setOutputGradient(ws.trace, ws.outputGradient);
        nominal.backward(ws.trace, ws.gradients, maxWeightGradient);
        return new SampleResult(value, predicted, label);
    }

    @Override
    public SampleResult evaluate(Split split, int index, Workspace ws) {
        SpikeData d = data(split);
        int label = d.labels()[index];
        double[] out = backend.run(d.inputs()[index], TrialIds.evaluation(steps, split, index)).output();
        double value = loss.loss(out, label, ws.outputGradient);
        if (!Double.isFinite(value) || Double.isInfinite(out[label])) {
            value = DelGradLearner.SILENT_LOSS;
        }
        return new SampleResult(value, predict(out), label);
    }

    /** The unique earliest output, or -1 when none spiked or several share the earliest time. */
    static int predict(double[] times) {
        int best = -1;
        double earliest = Double.POSITIVE_INFINITY;
        boolean tied = false;
        for (int k = 0; k < times.length; k++) {
            if (times[k] < earliest) {
                earliest = times[k];
                best = k;
                tied = false;
            } else if (times[k] == earliest && earliest < Double.POSITIVE_INFINITY) {
                tied = true;
            }
        }
        return tied ? -1 : best;
    }

    private static void countSilent(SpikeRecord observed, double[] silent) {
        int offset = 0;
        for (int l = 1; l <= observed.layerCount(); l++) {
            double[] t = observed.layer(l);
            for (int j = 0; j < t.length; j++) {
                if (t[j] == Double.POSITIVE_INFINITY) {
                    silent[offset + j] += 1;
                }
            }
            offset += t.length;
        }
    }

    @Override
    public boolean beforeStep(double[][] batchGradient, double[] silentCounts, int batchSize) {
        steps++; // every batch moves the trial noise on, whether or not the optimizer steps
        if (bumping.apply(network, silentCounts, batchSize, maxMissing, bumpState)) {
            afterStep();
            return false;
        }
        return true;
    }

    /** After any change of the trained parameters: clip, refresh, and write the network to the backend. */
    @Override
    public void afterStep() {
        clipWeights();
        network.refresh();
        deployed.sync();
        backend.load(deployed.description());
    }

    private void clipWeights() {
        if (weightBound == Double.POSITIVE_INFINITY) {
            return;
        }
        for (Projection p : network.projections()) {
            double[] w = p.weights().values();
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(-weightBound, Math.min(weightBound, w[i]));
            }
        }
    }
}
