package io.delaynet.event;

import io.delaynet.event.loss.SpikeTimeLoss;
import io.delaynet.train.Learner;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Split;
import java.util.List;
import java.util.Map;

/**
 * DelGrad training of an {@link EventNetwork} on encoded spike-time data, with the reference's
 * safeguards: the per-sample weight-gradient guard, a constant loss of {@value #SILENT_LOSS}
 * (and no gradient) for a sample whose loss is not finite or whose label neuron is silent, and
 * weight bumping for silent layers.
 *
 * <p>The spike times come from a {@link ForwardPass}: by default the network's own exact forward
 * pass, or the times a backend observed, for chip-in-the-loop training; the rest is the same.
 */
public final class DelGradLearner implements Learner<DelGradLearner.Workspace> {
    /** Loss recorded for a sample that gives no usable gradient (the reference's value). */
    public static final double SILENT_LOSS = 100.0;

    private final EventNetwork network;
    private final ForwardPass forward;
    private final SpikeTimeLoss loss;
    private final Map<Split, SpikeData> data;
    private final double maxWeightGradient;
    private final WeightBumping bumping;
    private final double[] maxMissing;
    private final WeightBumping.State bumpState;
    private final double weightLimit;
    private final int neurons;
    private final InputAugmentation augmentation;
    private final InputNoise noise;
    /** Batches trained so far, counted over the whole run; selects the augmentation and input-noise draws. */
    private long batches;

    /**
     * A learner on the network's exact forward pass.
     *
     * @param maxWeightGradient the guard threshold (DelGrad's max_dw_norm); +inf disables it
     * @param maxMissing        per layer, the tolerated fraction of silent (sample, neuron) pairs
     * @param weightLimit       weights are clipped to ±weightLimit after every step (+inf: no clipping)
     */
    public DelGradLearner(EventNetwork network, SpikeTimeLoss loss, Map<Split, SpikeData> data, double maxWeightGradient,
                          WeightBumping bumping, double[] maxMissing, double weightLimit) {
        this(network, loss, data, maxWeightGradient, bumping, maxMissing, weightLimit, InputNoise.NONE);
    }

    /** As above, with {@code noise} jittering the input times of every training sample. */
    public DelGradLearner(EventNetwork network, SpikeTimeLoss loss, Map<Split, SpikeData> data, double maxWeightGradient,
                          WeightBumping bumping, double[] maxMissing, double weightLimit, InputNoise noise) {
        this(network, new ExactForwardPass(network), loss, data, maxWeightGradient, bumping, maxMissing, weightLimit,
                noise);
    }

    /** As above, with {@code augmentation} changing every training sample before {@code noise} jitters its times. */
    public DelGradLearner(EventNetwork network, SpikeTimeLoss loss, Map<Split, SpikeData> data, double maxWeightGradient,
                          WeightBumping bumping, double[] maxMissing, double weightLimit, InputAugmentation augmentation,
                          InputNoise noise) {
        this(network, new ExactForwardPass(network), loss, data, maxWeightGradient, bumping, maxMissing, weightLimit,
                augmentation, noise);
    }

    /**
     * A learner whose spike times come from {@code forward}; the other parameters are as above.
     * Weight bumping and clipping act on {@code network}, the trained one.
     */
    public DelGradLearner(EventNetwork network, ForwardPass forward, SpikeTimeLoss loss, Map<Split, SpikeData> data,
                          double maxWeightGradient, WeightBumping bumping, double[] maxMissing, double weightLimit) {
        this(network, forward, loss, data, maxWeightGradient, bumping, maxMissing, weightLimit, InputNoise.NONE);
    }

    /** As above, with {@code noise} jittering the input times of every training sample. */
    public DelGradLearner(EventNetwork network, ForwardPass forward, SpikeTimeLoss loss, Map<Split, SpikeData> data,
                          double maxWeightGradient, WeightBumping bumping, double[] maxMissing, double weightLimit,
                          InputNoise noise) {
        this(network, forward, loss, data, maxWeightGradient, bumping, maxMissing, weightLimit,
                InputAugmentation.NONE, noise);
    }

    /**
     * As above, with {@code augmentation} changing every training sample before {@code noise}
     * jitters its times.
     */
    public DelGradLearner(EventNetwork network, ForwardPass forward, SpikeTimeLoss loss, Map<Split, SpikeData> data,
                          double maxWeightGradient, WeightBumping bumping, double[] maxMissing, double weightLimit,
                          InputAugmentation augmentation, InputNoise noise) {
        if (maxMissing.length != network.layerCount()) {
            throw new IllegalArgumentException("need one max-missing fraction per layer");
        }
        this.network = network;
        this.forward = forward;
        this.loss = loss;
        this.data = Map.copyOf(data);
        this.maxWeightGradient = maxWeightGradient;
        this.bumping = bumping;
        this.maxMissing = maxMissing.clone();
        this.bumpState = new WeightBumping.State(bumping.value());
        this.weightLimit = weightLimit;
        this.augmentation = augmentation;
        this.noise = noise;
        int n = 0;
        for (Projection p : network.projections()) {
            n += p.post();
        }
        this.neurons = n;
    }

    public EventNetwork network() {
        return network;
    }

    public SpikeTimeLoss loss() {
        return loss;
    }

    public SpikeData data(Split split) {
        SpikeData d = data.get(split);
        return d == null ? SpikeData.EMPTY : d;
    }

    public WeightBumping.State bumpState() {
        return bumpState;
    }

    public InputNoise inputNoise() {
        return noise;
    }

    public InputAugmentation inputAugmentation() {
        return augmentation;
    }

    /** Whether training samples are drawn afresh each time (augmented or noisy), so the batch count matters. */
    public boolean randomisesInputs() {
        return augmentation.active() || noise.active();
    }

    /**
     * Training batches seen so far (the position of the augmentation and input-noise draws); part of
     * a checkpoint when either is on.
     */
    public long batchesTrained() {
        return batches;
    }

    public void restoreBatchesTrained(long count) {
        batches = count;
    }

    /** Per-worker scratch: the forward trace, gradient buffers and silent-neuron counters. */
    public static final class Workspace implements Learner.Workspace {
        final EventTrace trace;
        final double[][] gradients;
        final double[] silent;
        final double[] outputGradient;
        final double[] augmentedInput;
        final double[] noisyInput;

        Workspace(EventNetwork network, int neurons) {
            trace = network.newTrace();
            augmentedInput = new double[network.inputSize()];
            noisyInput = new double[network.inputSize()];
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

        public EventTrace trace() {
            return trace;
        }
    }

    @Override
    public List<ParameterGroup> parameters() {
        return network.parameters();
    }

    /** The trace ({@link EventTrace#bytes}), the gradient accumulators, the per-neuron counters and input copies. */
    @Override
    public long workspaceBytes() {
        return 64 + EventTrace.bytes(network) + Learner.gradientBytes(parameters())
                + 2 * io.delaynet.config.MemoryCheck.doubles(network.inputSize())
                + io.delaynet.config.MemoryCheck.doubles(neurons)
                + io.delaynet.config.MemoryCheck.doubles(network.outputSize());
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
        double[] input = train.inputs()[index];
        if (augmentation.active()) {
            input = augmentation.apply(index, batches, input, ws.augmentedInput);
        }
        if (noise.active()) {
            input = noise.apply(input, batches, index, ws.noisyInput);
        }
        double[] out = forward.learn(index, input, ws.trace);
        countSilent(ws);
        return lossAndGradient(forward.network(), out, label, ws, maxWeightGradient);
    }

    @Override
    public SampleResult evaluate(Split split, int index, Workspace ws) {
        SpikeData d = data(split);
        int label = d.labels()[index];
        double[] out = forward.evaluate(split, index, d.inputs()[index], ws.trace);
        double value = loss.loss(out, label, ws.outputGradient);
        return new SampleResult(givesGradient(value, out, label) ? value : SILENT_LOSS, loss.predict(out), label);
    }

    /**
     * The gradient of one sample's loss from any split, written into {@code ws.gradients()} after
     * resetting them, for inspection. It follows {@link #learn} (same silent-sample rule), except
     * that the weight-gradient guard applies only when {@code guard} is set, so that without it the
     * result is the exact gradient another implementation can be compared with. The spike times are
     * the network's exact ones, whatever the learner's forward pass.
     */
    public SampleResult sampleGradient(Split split, int index, Workspace ws, boolean guard) {
        ws.reset();
        SpikeData d = data(split);
        int label = d.labels()[index];
        double[] out = network.forward(d.inputs()[index], ws.trace);
        return lossAndGradient(network, out, label, ws, guard ? maxWeightGradient : Double.POSITIVE_INFINITY);
    }

    /**
     * Loss and prediction of the sample whose spike times are in {@code ws.trace}, and unless the
     * silent-sample rule applies, its gradient (backward on {@code on}, with the weight-gradient
     * guard {@code weightGuard}) added to {@code ws.gradients}.
     */
    private SampleResult lossAndGradient(EventNetwork on, double[] out, int label, Workspace ws, double weightGuard) {
        double value = loss.loss(out, label, ws.outputGradient);
        int predicted = loss.predict(out);
        if (!givesGradient(value, out, label)) {
            return new SampleResult(SILENT_LOSS, predicted, label);
        }
        on.setOutputGradient(ws.trace, ws.outputGradient);
        on.backward(ws.trace, ws.gradients, weightGuard);
        return new SampleResult(value, predicted, label);
    }

    /**
     * The reference's silent-sample rule: a label neuron that never spiked has no time to move, and
     * a non-finite loss no direction, so such a sample records {@link #SILENT_LOSS} and no gradient.
     */
    private static boolean givesGradient(double loss, double[] out, int label) {
        return Double.isFinite(loss) && !Double.isInfinite(out[label]);
    }

    /** The network's exact spike times of one sample, every layer (a copy), for inspection and reports. */
    public double[][] spikeTimes(Split split, int index) {
        EventTrace trace = network.newTrace();
        network.forward(data(split).inputs()[index], trace);
        double[][] out = new double[network.layerCount() + 1][];
        for (int l = 0; l <= network.layerCount(); l++) {
            out[l] = trace.spikeTimes(l).clone();
        }
        return out;
    }

    private void countSilent(Workspace ws) {
        int offset = 0;
        for (int l = 1; l <= network.layerCount(); l++) {
            double[] t = ws.trace.spikeTimes(l);
            for (int j = 0; j < t.length; j++) {
                if (t[j] == Double.POSITIVE_INFINITY) {
                    ws.silent[offset + j] += 1;
                }
            }
            offset += t.length;
        }
    }

    @Override
    public boolean beforeStep(double[][] batchGradient, double[] silentCounts, int batchSize) {
        batches++;
        forward.batchDone();
        if (bumping.apply(network, silentCounts, batchSize, maxMissing, bumpState)) {
            afterStep(); // bumped weights may need clipping too
            return false;
        }
        return true;
    }

    @Override
    public void afterStep() {
        network.clipWeights(weightLimit);
        parametersReplaced();
    }

    @Override
    public void parametersReplaced() {
        network.refresh();
        forward.parametersChanged();
    }
}
