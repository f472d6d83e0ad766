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
 * reproduces the layer-major engine exactly.
 */
public final class DeployedNetwork {
    private final int steps;
    private final int[] sizes;
    private final double[][] weights;
    private final int[][] delays;
    private final int[] maxDelay;
    private final NeuronModel[] neurons;
    private final SpikeFunction spike;

    private DeployedNetwork(int steps, int[] sizes, double[][] weights, int[][] delays, NeuronModel[] neurons,
                            SpikeFunction spike) {
        this.steps = steps;
        this.sizes = sizes;
        this.weights = weights;
        this.delays = delays;
        this.neurons = neurons;
        this.spike = spike;
        this.maxDelay = new int[delays.length];
        for (int l = 0; l < delays.length; l++) {
            maxDelay[l] = Arrays.stream(delays[l]).max().orElse(0);
        }
    }

    /** Freezes a copy of the network's current weights and whole-step delays. */
    public static DeployedNetwork of(FeedForwardNetwork network) {
        int layers = network.layerCount();
        int[] sizes = new int[layers + 1];
        double[][] w = new double[layers][];
        int[][] d = new int[layers][];
        NeuronModel[] neurons = new NeuronModel[layers];
        for (int l = 0; l < layers; l++) {
            Projection p = network.projection(l);
            sizes[l] = p.pre();
            sizes[l + 1] = p.post();
            w[l] = p.weights().values().clone();
            double[] real = p.delays().values();
            d[l] = new int[p.pre() * p.post()];
            for (int i = 0; i < p.pre(); i++) {
                for (int j = 0; j < p.post(); j++) {
                    d[l][i * p.post() + j] = p.interpolation().deployedSteps(real[p.delayIndex(i, j)]);
                }
            }
            neurons[l] = network.neuron(l);
        }
        return new DeployedNetwork(network.steps(), sizes, w, d, neurons, network.spikeFunction());
    }

    /** The longest whole-step delay of projection l; its buffer holds one slot more. */
    public int maxDelay(int layer) {
        return maxDelay[layer];
    }

    /** Whole-step delay of connection (i, j) of projection l. */
    public int delay(int layer, int i, int j) {
        return delays[layer][i * sizes[layer + 1] + j];
    }

    /** Runs one sample step by step; returns the output spikes, [step][output neuron]. */
    public double[] run(SpikeEvents input) {
        int layers = neurons.length;
        DelayBuffer[] buffers = new DelayBuffer[layers];
        NeuronState[] states = new NeuronState[layers];
        double[][] current = new double[layers][];
        double[][] membrane = new double[layers][];
        double[][] out = new double[layers][];
        for (int l = 0; l < layers; l++) {
            buffers[l] = new DelayBuffer(sizes[l], maxDelay[l]);
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
                int pre = sizes[l];
                int post = sizes[l + 1];
                Arrays.fill(current[l], 0.0);
                for (int i = 0; i < pre; i++) {
                    for (int j = 0; j < post; j++) {
                        int d = delays[l][i * post + j];
                        if (d <= t) {
                            current[l][j] += weights[l][i * post + j] * buffers[l].read(i, d);
                        }
                    }
                }
                neurons[l].step(states[l], current[l], 0, membrane[l], out[l], spike);
                if (l + 1 < layers) {
                    buffers[l + 1].push(out[l], 0);
                }
            }
            System.arraycopy(out[layers - 1], 0, result, t * sizes[layers], sizes[layers]);
        }
        return result;
    }
}
