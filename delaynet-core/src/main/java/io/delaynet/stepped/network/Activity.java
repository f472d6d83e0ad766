package io.delaynet.stepped.network;

import static io.delaynet.config.MemoryCheck.doubles;
import static io.delaynet.config.MemoryCheck.references;

import io.delaynet.stepped.estimator.BackwardContext;
import io.delaynet.stepped.estimator.LayerWindow;
import io.delaynet.stepped.neuron.NeuronState;

/**
 * Everything one sample's forward and backward pass writes, per layer: the recorded input,
 * membrane potentials and spikes that backpropagation through time needs, and the gradient
 * buffers. One per worker thread, reused from sample to sample, so a training step allocates
 * no buffers.
 */
public final class Activity {
    final double[][] arrival;
    /** Arrivals through the recurrent projection; null for layers without one. */
    final double[][] recurrentArrival;
    /** Feed-forward plus recurrent arrivals, what a recurrent layer's neurons receive; null otherwise. */
    final double[][] current;
    final double[][] membrane;
    final double[][] spikes;
    final double[][] gradSpikes;
    final double[][] gradArrival;
    final double[][] work;
    final double[][] recurrentWork;
    final SpikeEvents[] events;
    final NeuronState[] state;
    final NeuronState[] adjoint;
    final LayerWindow[] windows;
    final BackwardContext context = new BackwardContext();
    final boolean dense;

    Activity(SteppedNetwork network, boolean dense) {
        int layers = network.layerCount();
        int steps = network.steps();
        this.dense = dense;
        arrival = new double[layers][];
        recurrentArrival = new double[layers][];
        current = new double[layers][];
        membrane = new double[layers][];
        spikes = new double[layers][];
        gradSpikes = new double[layers][];
        gradArrival = new double[layers][];
        work = new double[layers][];
        recurrentWork = new double[layers][];
        events = new SpikeEvents[layers];
        state = new NeuronState[layers];
        adjoint = new NeuronState[layers];
        windows = new LayerWindow[layers];
        for (int l = 0; l < layers; l++) {
            Layer layer = network.layer(l);
            Projection p = layer.input();
            int n = p.post();
            arrival[l] = new double[p.arrivalLength()];
            gradArrival[l] = new double[p.arrivalLength()];
            work[l] = new double[p.arrivalLength()];
            membrane[l] = new double[steps * n];
            spikes[l] = new double[steps * n];
            gradSpikes[l] = new double[steps * n];
            events[l] = new SpikeEvents(steps);
            state[l] = layer.neuron().newState(n);
            adjoint[l] = layer.neuron().newState(n);
            double[] input = arrival[l];
            if (layer.isRecurrent()) {
                Projection r = layer.recurrent();
                recurrentArrival[l] = new double[r.arrivalLength()];
                recurrentWork[l] = new double[r.arrivalLength()];
                current[l] = new double[steps * n];
                input = current[l];
            }
            windows[l] = new LayerWindow(layer.neuron(), n, steps, input, membrane[l], spikes[l],
                    network.spikeFunction());
        }
    }

    /**
     * An upper bound of the bytes one activity of {@code network} holds, counted array by array
     * as the constructor allocates them: per layer three arrival-shaped arrays and three recorded
     * windows of steps x neurons (two more arrivals and one window for a recurrent layer), the
     * neuron state and its adjoint (at most {@link #STATE_ARRAYS} arrays of the layer's width), and
     * the layer's spike list. The spike list grows with the spikes of a sample; it is counted at
     * every neuron spiking at every step in a dense activity, else at {@link #SPIKE_FRACTION} of that,
     * with the doubling it grows by.
     */
    public static long bytes(SteppedNetwork network, boolean dense) {
        return bytes(network, dense ? 1.0 : SPIKE_FRACTION);
    }

    /**
     * As {@link #bytes(SteppedNetwork, boolean)}, with the spike lists counted at {@code spikeShare}
     * of steps x neurons (0: as first allocated, what a new activity holds).
     */
    public static long bytes(SteppedNetwork network, double spikeShare) {
        int layers = network.layerCount();
        long steps = network.steps();
        long total = 9 * references(layers) + 2 * references(layers) + references(layers) + 256;
        for (int l = 0; l < layers; l++) {
            Layer layer = network.layer(l);
            Projection p = layer.input();
            long n = p.post();
            long window = doubles(steps * n);
            total += 3 * doubles(p.arrivalLength()) + 3 * window + 2 * STATE_ARRAYS * doubles(n) + 2 * 64 + 64;
            if (layer.isRecurrent()) {
                total += 2 * doubles(layer.recurrent().arrivalLength()) + window;
            }
            total += SpikeEvents.bytes((int) steps, (long) Math.ceil(steps * n * spikeShare));
        }
        return total;
    }

    /** Arrays of a neuron state at most (SRM's four filter variables). */
    static final int STATE_ARRAYS = 4;
    /** Share of (step, neuron) pairs with a spike assumed for a sparse activity's spike lists. */
    public static final double SPIKE_FRACTION = 0.25;

    /** Output of layer l (0 = first layer after the input), laid out [step][neuron]. */
    public double[] spikes(int layer) {
        return spikes[layer];
    }

    /** Membrane potential of layer l as the spike decision saw it, [step][neuron]. */
    public double[] membrane(int layer) {
        return membrane[layer];
    }

    /** Spikes of layer l as events (filled for every layer that feeds a projection). */
    public SpikeEvents events(int layer) {
        return events[layer];
    }

    /** Layer l's recorded window of the last forward pass. */
    public LayerWindow window(int layer) {
        return windows[layer];
    }
}
