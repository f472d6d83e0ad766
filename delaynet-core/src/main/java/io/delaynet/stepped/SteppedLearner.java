package io.delaynet.stepped;

import io.delaynet.config.MemoryCheck;
import io.delaynet.stepped.loss.Decision;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Learner;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Split;
import java.util.List;

/**
 * Surrogate-gradient BPTT as a {@link Learner}: per sample, encode the input spikes, simulate the
 * network, score the output spikes with the loss and backpropagate into the trainable groups
 * (weights, delays or both; frozen groups are skipped, not computed and discarded).
 */
public final class SteppedLearner implements Learner<SteppedWorkspace> {
    private final SteppedNetwork network;
    private final SpikeLoss loss;
    private final Decision decision;
    private final SampleSource samples;
    private final boolean exploitSparsity;
    private final double weightBound;
    private final int recurrentTruncation;

    /**
     * @param exploitSparsity false runs the dense baseline (every neuron and step passed between
     *                        layers, zeros included); the numbers are the same, only slower
     */
    public SteppedLearner(SteppedNetwork network, SpikeLoss loss, Decision decision, SampleSource samples,
                          boolean exploitSparsity) {
        this(network, loss, decision, samples, exploitSparsity, Double.POSITIVE_INFINITY);
    }

    /**
     * @param weightBound after every optimizer step the weights are clamped to [-weightBound,
     *                    weightBound]; +inf for no clamp
     */
    public SteppedLearner(SteppedNetwork network, SpikeLoss loss, Decision decision, SampleSource samples,
                          boolean exploitSparsity, double weightBound) {
        this(network, loss, decision, samples, exploitSparsity, weightBound, 0);
    }

    /**
     * @param recurrentTruncation truncated BPTT: the gradient through recurrent projections stays
     *                            within blocks of this many steps ({@link SteppedNetwork#backward(
     *                            SpikeEvents, Activity, double[], double[][], int)}); 0 = full BPTT
     */
    public SteppedLearner(SteppedNetwork network, SpikeLoss loss, Decision decision, SampleSource samples,
                          boolean exploitSparsity, double weightBound, int recurrentTruncation) {
        if (recurrentTruncation < 0) {
            throw new IllegalArgumentException("recurrent truncation must be >= 1 steps, or 0 for none, got "
                    + recurrentTruncation);
        }
        if (network.inputSize() != samples.inputSize() || network.outputSize() != samples.classes()) {
            throw new IllegalArgumentException("network is " + network.inputSize() + " -> " + network.outputSize()
                    + " but the data has " + samples.inputSize() + " inputs and " + samples.classes() + " classes");
        }
        this.network = network;
        this.loss = loss;
        this.decision = decision;
        this.samples = samples;
        this.exploitSparsity = exploitSparsity;
        this.weightBound = weightBound;
        this.recurrentTruncation = recurrentTruncation;
    }

    public SteppedNetwork network() {
        return network;
    }

    public SampleSource samples() {
        return samples;
    }

    @Override
    public List<ParameterGroup> parameters() {
        return network.parameters();
    }

    @Override
    public SteppedWorkspace newWorkspace() {
        return newWorkspace(false);
    }

    /**
     * The activity ({@link Activity#bytes}), the gradient accumulators (every group, frozen ones
     * too), the output gradient and the two input spike lists (the dense one full only without
     * sparsity; the sparse one at the activity's assumed spike share).
     */
    @Override
    public long workspaceBytes() {
        return workspaceBytes(exploitSparsity ? Activity.SPIKE_FRACTION : 1.0);
    }

    /**
     * As {@link #workspaceBytes()}, with every spike list counted at {@code spikeShare} of its steps x
     * width (0: as a new workspace holds them). The dense input list, used only without sparsity, is
     * full after the first sample.
     */
    long workspaceBytes(double spikeShare) {
        long steps = network.steps();
        long inputs = network.inputSize();
        long sparseInput = (long) Math.ceil(steps * inputs * spikeShare);
        return 96 + Activity.bytes(network, spikeShare) + Learner.gradientBytes(parameters())
                + MemoryCheck.booleans(parameters().size()) + MemoryCheck.references(parameters().size())
                + MemoryCheck.doubles(steps * network.outputSize())
                + SpikeEvents.bytes((int) steps, sparseInput)
                + SpikeEvents.bytes((int) steps, exploitSparsity || spikeShare == 0 ? 0 : steps * inputs);
    }

    /**
     * @param allGroups also compute the gradients of frozen groups (for inspection); training
     *                  leaves them out
     */
    SteppedWorkspace newWorkspace(boolean allGroups) {
        List<ParameterGroup> groups = parameters();
        double[][] gradients = new double[groups.size()][];
        boolean[] trainable = new boolean[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            gradients[g] = new double[groups.get(g).size()];
            trainable[g] = allGroups || groups.get(g).trainable();
        }
        return new SteppedWorkspace(exploitSparsity ? network.newActivity() : network.newDenseActivity(),
                network.steps(), network.outputSize(), gradients, trainable);
    }

    @Override
    public int size(Split split) {
        return samples.size(split);
    }

    @Override
    public SampleResult learn(int index, SteppedWorkspace ws) {
        return sampleGradient(Split.TRAIN, index, ws);
    }

    /** As {@link #learn}, for a sample of any split: adds its gradient to the workspace's accumulators. */
    SampleResult sampleGradient(Split split, int index, SteppedWorkspace ws) {
        SpikeEvents input = simulate(split, index, ws);
        int label = samples.label(split, index);
        double[] out = ws.activity.spikes(network.layerCount() - 1);
        double value = loss.evaluate(out, network.steps(), network.outputSize(), label, ws.gradOutput);
        int predicted = decision.predict(out, network.steps(), network.outputSize());
        network.backward(input, ws.activity, ws.gradOutput, ws.trained, recurrentTruncation);
        return new SampleResult(value, predicted, label);
    }

    @Override
    public SampleResult evaluate(Split split, int index, SteppedWorkspace ws) {
        simulate(split, index, ws);
        int label = samples.label(split, index);
        double[] out = ws.activity.spikes(network.layerCount() - 1);
        double value = loss.evaluate(out, network.steps(), network.outputSize(), label, null);
        return new SampleResult(value, decision.predict(out, network.steps(), network.outputSize()), label,
                io.delaynet.stepped.loss.RunningDecision.settledStep(decision, out, network.steps(), network.outputSize()));
    }

    @Override
    public void beginEpoch(int epoch) {
        samples.beginEpoch(epoch);
    }

    /** Reference behaviour: delays are clamped (at zero) after every optimizer step; weights when bounded. */
    @Override
    public void afterStep() {
        if (weightBound < Double.POSITIVE_INFINITY) {
            network.clampWeights(weightBound);
        }
        network.clampDelays();
    }

    /**
     * Refreshes the delays' tap tables and shifts. Copied values are already within their bounds
     * (the other copy clamped them after its step, or at construction), so the clamp in
     * {@code clampDelays} changes none of them.
     */
    @Override
    public void parametersReplaced() {
        network.clampDelays();
    }

    private SpikeEvents simulate(Split split, int index, SteppedWorkspace ws) {
        samples.encode(split, index, ws.input);
        SpikeEvents input = ws.input;
        if (!exploitSparsity) {
            input = densify(ws.input, ws.denseInput, network.inputSize());
        }
        network.forward(input, ws.activity);
        return input;
    }

    private static SpikeEvents densify(SpikeEvents sparse, SpikeEvents dense, int width) {
        int steps = sparse.steps();
        double[] raster = new double[steps * width];
        for (int t = 0; t < steps; t++) {
            for (int k = sparse.from(t); k < sparse.to(t); k++) {
                raster[t * width + sparse.neuron(k)] += sparse.value(k);
            }
        }
        dense.collectAll(raster, width);
        return dense;
    }
}
