package io.delaynet.stepped.network;

import io.delaynet.stepped.delay.DelayBuffer;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.neuron.NeuronState;
import io.delaynet.stepped.surrogate.SpikeFunction;
import java.util.Arrays;

/**
 * A trained network as whole-step hardware would run it: every delay becomes a whole number of
 * steps ({@link io.delaynet.stepped.delay.DelayInterpolation#deployedSteps}: rounded, or the
 * training shift's own rule), and the simulation advances one step at a time for all layers,
 * spikes travelling through a {@link DelayBuffer} of {@code max delay + 1} slots per projection.
 * This is the form an online rule or a chip sees; for a network trained with whole-step shifts it
 * reproduces the training engine exactly.
 */
public final class DeployedNetwork {
    private final int steps;
    private final int[] sizes;
    private final double[][] weights;
    private final int[][] delays;
    /** Per layer: recurrent weights and whole-step delays (>= 1), null without recurrence. */
    private final double[][] recurrentWeights;
    private final int[][] recurrentDelays;
    private final int[] maxDelay;
    private final NeuronModel[] neurons;
    private final SpikeFunction spike;

    private DeployedNetwork(int steps, int[] sizes, double[][] weights, int[][] delays, double[][] recurrentWeights,
                            int[][] recurrentDelays, NeuronModel[] neurons, SpikeFunction spike) {
        this.steps = steps;
        this.sizes = sizes;
        this.weights = weights;
        this.delays = delays;
        this.recurrentWeights = recurrentWeights;
        this.recurrentDelays = recurrentDelays;
        this.neurons = neurons;
        this.spike = spike;
        this.maxDelay = new int[delays.length];
        for (int l = 0; l < delays.length; l++) {
            maxDelay[l] = Arrays.stream(delays[l]).max().orElse(0);
        }
    }

    /** Freezes a copy of the network's current weights and whole-step delays. */
    public static DeployedNetwork of(SteppedNetwork network) {
        int layers = network.layerCount();
        int[] sizes = new int[layers + 1];
        double[][] w = new double[layers][];
        int[][] d = new int[layers][];
        double[][] rw = new double[layers][];
        int[][] rd = new int[layers][];
        NeuronModel[] neurons = new NeuronModel[layers];
        for (int l = 0; l < layers; l++) {
            Layer layer = network.layer(l);
            Projection p = layer.input();
            p.requireDense("whole-step deployment");
            sizes[l] = p.pre();
            sizes[l + 1] = p.post();
            w[l] = p.weights().values().clone();
            d[l] = wholeSteps(p);
            if (layer.isRecurrent()) {
                rw[l] = layer.recurrent().weights().values().clone();
                rd[l] = wholeSteps(layer.recurrent());
            }
            neurons[l] = layer.neuron();
        }
        return new DeployedNetwork(network.steps(), sizes, w, d, rw, rd, neurons, network.spikeFunction());
    }

    private static int[] wholeSteps(Projection p) {
        int[] d = new int[p.pre() * p.post()];
        for (int i = 0; i < p.pre(); i++) {
            for (int j = 0; j < p.post(); j++) {
                double real = p.delay(i, j);
                d[i * p.post() + j] = p.delays() == null ? (int) real
                        : Math.max(p.earliest(), p.interpolation().deployedSteps(real));
            }
        }
        return d;
    }

    /** The longest whole-step delay of projection l; its buffer holds one slot more. */
    public int maxDelay(int layer) {
        return maxDelay[layer];
    }

    /** Whole-step delay of connection (i, j) of projection l. */
    public int delay(int layer, int i, int j) {
        return delays[layer][i * sizes[layer + 1] + j];
    }

    /** Runs one sample step by step; returns the output, [step][output neuron]. */
    public double[] run(SpikeEvents input) {
        int layers = neurons.length;
        DelayBuffer[] buffers = new DelayBuffer[layers];
        DelayBuffer[] own = new DelayBuffer[layers];
        NeuronState[] states = new NeuronState[layers];
        double[][] current = new double[layers][];
        double[][] membrane = new double[layers][];
        double[][] out = new double[layers][];
        for (int l = 0; l < layers; l++) {
            buffers[l] = new DelayBuffer(sizes[l], maxDelay[l]);
            if (recurrentWeights[l] != null) {
                own[l] = new DelayBuffer(sizes[l + 1], Arrays.stream(recurrentDelays[l]).max().orElse(1));
            }
            states[l] = neurons[l].newState(sizes[l + 1]);
            current[l] = new double[sizes[l + 1]];
            membrane[l] = new double[sizes[l + 1]];
            out[l] = new double[sizes[l + 1]];
        }
        double[] inputRow = new double[sizes[0]];
        double[] result = new double[steps * sizes[layers]];
        for (int t = 0; t < steps; t++) {
            Arrays.fill(inputRow, 0.0);
            for (int k = input.from(t); k < input.to(t); k++) {
                inputRow[input.neuron(k)] += input.value(k);
            }
            buffers[0].push(inputRow, 0);
            for (int l = 0; l < layers; l++) {
                int post = sizes[l + 1];
                Arrays.fill(current[l], 0.0);
                gather(weights[l], delays[l], buffers[l], sizes[l], post, t, current[l]);
                if (own[l] != null) {
                    // own[l] holds the layer's output up to step t-1: delay d >= 1 is d-1 slots back
                    gather(recurrentWeights[l], recurrentDelays[l], own[l], post, post, t - 1, current[l], 1);
                }
                neurons[l].step(states[l], current[l], 0, membrane[l], out[l], spike);
                if (own[l] != null) {
                    own[l].push(out[l], 0);
                }
                if (l + 1 < layers) {
                    buffers[l + 1].push(out[l], 0);
                }
            }
            System.arraycopy(out[layers - 1], 0, result, t * sizes[layers], sizes[layers]);
        }
        return result;
    }

    private static void gather(double[] w, int[] d, DelayBuffer buffer, int pre, int post, int latest, double[] into) {
        gather(w, d, buffer, pre, post, latest, into, 0);
    }

    /** Adds sum_i w_ij x_i[latest + lag - d_ij] for delays the buffer has seen. */
    private static void gather(double[] w, int[] d, DelayBuffer buffer, int pre, int post, int latest,
                               double[] into, int lag) {
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                int back = d[i * post + j] - lag;
                if (back <= latest) {
                    into[j] += w[i * post + j] * buffer.read(i, back);
                }
            }
        }
    }
}
