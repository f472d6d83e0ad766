package io.delaynet.stepped.network;

import io.delaynet.stepped.delay.Taps;
import io.delaynet.stepped.neuron.NeuronState;

/**
 * Everything one sample's forward and backward pass writes, per layer: the recorded input,
 * membrane potentials and spikes that backpropagation through time needs, and the gradient
 * buffers. One per worker thread, reused from sample to sample, so a training step allocates
 * no buffers.
 */
public final class Activity {
    final double[][] arrival;
    final double[][] membrane;
    final double[][] spikes;
    final double[][] gradSpikes;
    final double[][] gradArrival;
    final double[][] work;
    final SpikeEvents[] events;
    final NeuronState[] state;
    final NeuronState[] adjoint;
    final Taps taps;
    final boolean dense;

    Activity(FeedForwardNetwork network, boolean dense) {
        int layers = network.layerCount();
        int steps = network.steps();
        this.dense = dense;
        arrival = new double[layers][];
        membrane = new double[layers][];
        spikes = new double[layers][];
        gradSpikes = new double[layers][];
        gradArrival = new double[layers][];
        work = new double[layers][];
        events = new SpikeEvents[layers];
        state = new NeuronState[layers];
        adjoint = new NeuronState[layers];
        int maxTaps = 0;
        for (int l = 0; l < layers; l++) {
            Projection p = network.projection(l);
            int n = p.post();
            arrival[l] = new double[p.arrivalLength()];
            gradArrival[l] = new double[p.arrivalLength()];
            work[l] = new double[p.arrivalLength()];
            membrane[l] = new double[steps * n];
            spikes[l] = new double[steps * n];
            gradSpikes[l] = new double[steps * n];
            events[l] = new SpikeEvents(steps);
            state[l] = network.neuron(l).newState(n);
            adjoint[l] = network.neuron(l).newState(n);
            maxTaps = Math.max(maxTaps, p.interpolation().maxTaps());
        }
        taps = new Taps(maxTaps);
    }

    /** Output of layer l (0 = first layer after the input), laid out [step][neuron]. */
    public double[] spikes(int layer) {
        return spikes[layer];
    }

    /** Membrane potential of layer l as the spike decision saw it, [step][neuron]. */
    public double[] membrane(int layer) {
        return membrane[layer];
    }

    /** Spikes of layer l as events (filled for every layer but the output). */
    public SpikeEvents events(int layer) {
        return events[layer];
    }
}
