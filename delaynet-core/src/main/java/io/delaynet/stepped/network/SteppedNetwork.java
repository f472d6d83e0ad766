package io.delaynet.stepped.network;

import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Layers of spiking neurons, each fed by a delayed all-to-all projection from the layer below
 * (or the data) and optionally by a recurrent projection from itself, simulated for a fixed
 * number of steps and trained by backpropagation through time.
 *
 * <p><b>Forward, step-major.</b> The network owns the time loop: at every step each layer in
 * turn scatters the spikes of that step from below into its arrival buffer, advances its neurons
 * one step, and scatters its own new spikes into its recurrent buffer (never the same step) and,
 * through the next layer's projection, upwards. Every arrival is a sum of terms added in (step,
 * presynaptic neuron) order however the layers interleave, so a feed-forward network gives
 * exactly the numbers it gave when each layer was simulated over the whole window in turn.
 *
 * <p><b>Backward.</b> Edges between layers only point upwards, so the reverse pass goes layer by
 * layer from the output: each layer's estimator turns dL/d output into dL/d input over the whole
 * window, a recurrent layer one step at a time backwards (its output at step t also feeds its own
 * input at later steps, whose gradients are then known); the projections then add their weight and
 * delay gradients and pass dL/d output to the layer below.
 *
 * <p>Parameter groups, per layer from the input side: feed-forward weights, feed-forward delays
 * (unless the delay kind is none), recurrent weights, recurrent delays.
 */
public final class SteppedNetwork {
    private final int steps;
    private final List<Layer> layers;
    private final SpikeFunction spikeFunction;
    private final List<ParameterGroup> groups = new ArrayList<>();
    /** Per layer: index in {@link #parameters()} of [input weights, input delays, recurrent weights, recurrent delays], -1 if absent. */
    private final int[][] slots;

    public SteppedNetwork(int steps, List<Layer> layers, SpikeFunction spikeFunction) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).input().pre() != layers.get(l - 1).size()) {
                throw new IllegalArgumentException(layers.get(l).name() + " expects " + layers.get(l).input().pre()
                        + " inputs but " + layers.get(l - 1).name() + " has " + layers.get(l - 1).size() + " neurons");
            }
        }
        this.steps = steps;
        this.layers = List.copyOf(layers);
        this.spikeFunction = spikeFunction;
        slots = new int[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            slots[l] = new int[] {add(layer.input().weights()), add(layer.input().delays()),
                    layer.isRecurrent() ? add(layer.recurrent().weights()) : -1,
                    layer.isRecurrent() ? add(layer.recurrent().delays()) : -1};
        }
    }

    private int add(ParameterGroup group) {
        if (group == null) {
            return -1;
        }
        groups.add(group);
        return groups.size() - 1;
    }

    public int steps() {
        return steps;
    }

    public int layerCount() {
        return layers.size();
    }

    public Layer layer(int l) {
        return layers.get(l);
    }

    public List<Layer> layers() {
        return layers;
    }

    public int inputSize() {
        return layers.get(0).input().pre();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).size();
    }

    /** The feed-forward projection into layer l. */
    public Projection projection(int layer) {
        return layers.get(layer).input();
    }

    public SpikeFunction spikeFunction() {
        return spikeFunction;
    }

    public boolean hasRecurrence() {
        return layers.stream().anyMatch(Layer::isRecurrent);
    }

    public List<ParameterGroup> parameters() {
        return List.copyOf(groups);
    }

    /** Buffers for one worker that pass spikes between layers as sparse events. */
    public Activity newActivity() {
        return new Activity(this, false);
    }

    /**
     * Buffers for one worker that pass every (neuron, step) entry between layers, zeros
     * included: the speed benchmark's dense baseline. Results equal {@link #newActivity()}'s.
     */
    public Activity newDenseActivity() {
        return new Activity(this, true);
    }

    /** Simulates one sample; the output layer's output is then in {@code activity.spikes(layerCount()-1)}. */
    public void forward(SpikeEvents input, Activity a) {
        int last = layers.size() - 1;
        for (int l = 0; l <= last; l++) {
            Layer layer = layers.get(l);
            layer.input().clear(a.arrival[l]);
            if (layer.isRecurrent()) {
                layer.recurrent().clear(a.recurrentArrival[l]);
            }
            a.state[l].clear();
            a.events[l].clear();
        }
        if (!hasRecurrence()) {
            forwardLayerByLayer(input, a);
            return;
        }
        for (int t = 0; t < steps; t++) {
            SpikeEvents in = input;
            for (int l = 0; l <= last; l++) {
                Layer layer = layers.get(l);
                int n = layer.size();
                int row = t * n;
                layer.input().scatter(in, t, a.arrival[l]);
                double[] x = a.arrival[l];
                if (layer.isRecurrent()) {
                    double[] ff = a.arrival[l];
                    double[] rec = a.recurrentArrival[l];
                    x = a.current[l];
                    for (int j = 0; j < n; j++) {
                        x[row + j] = ff[row + j] + rec[row + j];
                    }
                }
                layer.neuron().step(a.state[l], x, row, a.membrane[l], a.spikes[l], spikeFunction);
                if (l < last || layer.isRecurrent()) {
                    a.events[l].appendStep(t, a.spikes[l], row, n, a.dense);
                }
                if (layer.isRecurrent()) {
                    layer.recurrent().scatter(a.events[l], t, a.recurrentArrival[l]);
                }
                in = a.events[l];
            }
        }
    }

    /**
     * A network without recurrence, one layer over the whole window after the other: the same
     * terms in the same order as the step-major loop for dense projections (each arrival is summed
     * in (step, presynaptic neuron) order either way), and a convolution can take the whole window
     * in one pass ({@link Projection#scatterWindow}).
     */
    private void forwardLayerByLayer(SpikeEvents input, Activity a) {
        int last = layers.size() - 1;
        SpikeEvents in = input;
        for (int l = 0; l <= last; l++) {
            Layer layer = layers.get(l);
            int n = layer.size();
            layer.input().scatterWindow(in, a.arrival[l]);
            for (int t = 0; t < steps; t++) {
                int row = t * n;
                layer.neuron().step(a.state[l], a.arrival[l], row, a.membrane[l], a.spikes[l], spikeFunction);
                if (l < last) {
                    a.events[l].appendStep(t, a.spikes[l], row, n, a.dense);
                }
            }
            in = a.events[l];
        }
    }

    /**
     * Backpropagates through the last {@link #forward} of {@code activity}.
     *
     * @param gradOutput dL/d output, [step][output neuron]
     * @param gradients  one accumulator per parameter group (order of {@link #parameters()}),
     *                   added to; null entries are not computed (frozen groups)
     */
    public void backward(SpikeEvents input, Activity a, double[] gradOutput, double[][] gradients) {
        backward(input, a, gradOutput, gradients, 0);
    }

    /**
     * As {@link #backward(SpikeEvents, Activity, double[], double[][])}, with the gradient through
     * every recurrent projection truncated to blocks of {@code truncation} steps: the window is cut
     * into blocks [0, k), [k, 2k), ..., and a spike's error gains what it did, through the recurrent
     * projection, to the layer's input only within its own block. Every other path is kept whole:
     * the neurons' own state (membrane, current, reset) across the whole window, the feed-forward
     * projections, the read-out. With recurrent delays of at least one step, k = 1 drops every
     * recurrent path (what the online three-factor rule drops); k &gt;= steps (or 0) is full BPTT,
     * the same operations in the same order.
     *
     * @param truncation block length in steps; 0 = no truncation
     */
    public void backward(SpikeEvents input, Activity a, double[] gradOutput, double[][] gradients, int truncation) {
        if (truncation < 0) {
            throw new IllegalArgumentException("truncation must be a number of steps >= 1, or 0 for none, got "
                    + truncation);
        }
        int last = layers.size() - 1;
        System.arraycopy(gradOutput, 0, a.gradSpikes[last], 0, steps * outputSize());
        a.context.clear();
        for (int l = last; l >= 0; l--) {
            Layer layer = layers.get(l);
            if (layer.isRecurrent()) {
                backwardThroughRecurrence(layer, l, a, truncation);
            } else {
                layer.estimator().backward(a.windows[l], a.gradSpikes[l], a.gradArrival[l], a.adjoint[l], a.context);
            }
            SpikeEvents in = l == 0 ? input : a.events[l - 1];
            double[] gradIn = l == 0 ? null : a.gradSpikes[l - 1];
            int[] s = slots[l];
            layer.input().backward(in, a.gradArrival[l], group(gradients, s[0]), group(gradients, s[1]), gradIn,
                    a.work[l]);
            if (layer.isRecurrent()) {
                // the recurrent arrivals enter the neurons' input with slope 1, like the feed-forward ones
                layer.recurrent().backward(a.events[l], a.gradArrival[l], group(gradients, s[2]),
                        group(gradients, s[3]), null, a.recurrentWork[l]);
            }
        }
    }

    /**
     * Reverse sweep of a recurrent layer: its error at step t gains what its spike did to later
     * input (within t's block of {@code truncation} steps when truncated).
     */
    private void backwardThroughRecurrence(Layer layer, int l, Activity a, int truncation) {
        a.adjoint[l].clear();
        for (int t = steps - 1; t >= 0; t--) {
            int end = truncation == 0 ? steps : (t / truncation + 1) * truncation;
            layer.recurrent().addInputGradientRow(t, a.gradArrival[l], a.gradSpikes[l], end);
            layer.estimator().adjointStep(a.windows[l], t, a.gradSpikes[l], a.gradArrival[l], a.adjoint[l]);
        }
    }

    private static double[] group(double[][] gradients, int slot) {
        return slot < 0 ? null : gradients[slot];
    }

    /** Clamps every weight to [-bound, bound] (the NA release's clamp after each optimizer step). */
    public void clampWeights(double bound) {
        for (ParameterGroup g : groups) {
            if (g.rateKey().equals("weights")) {
                double[] w = g.values();
                for (int k = 0; k < w.length; k++) {
                    w[k] = Math.max(-bound, Math.min(bound, w[k]));
                }
            }
        }
    }

    /** Clamps every projection's delays and refreshes what is derived from them. */
    public void clampDelays() {
        for (Layer layer : layers) {
            layer.input().clampDelays();
            if (layer.isRecurrent()) {
                layer.recurrent().clampDelays();
            }
        }
    }
}
