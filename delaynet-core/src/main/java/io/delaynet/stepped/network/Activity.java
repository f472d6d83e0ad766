package io.delaynet.stepped.network;

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
