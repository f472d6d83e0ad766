package io.delaynet.stepped.network;

import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Layers of spiking neurons joined by delayed all-to-all projections, simulated for a fixed
 * number of steps and trained by backpropagation through time. Because the network is
 * feed-forward, each layer is simulated over the whole window before the next one
 * ("layer-major"); the result is the same as interleaving the layers step by step, and each
 * layer's dynamics still run through its step function.
 *
 * <p>Parameter groups come in projection order, weights before delays:
 * {@code layer1.weights, layer1.delays, layer2.weights, ...}.
 */
public final class FeedForwardNetwork {
    private final int steps;
    private final List<Projection> projections;
    private final List<NeuronModel> neurons;
    private final SpikeFunction spikeFunction;

    /**
     * @param projections   projection l feeds layer l; its pre size matches the previous layer
     * @param neurons       the dynamics of each layer, same count as projections
     * @param spikeFunction spike nonlinearity and the derivative BPTT uses for it
     */
    public FeedForwardNetwork(int steps, List<Projection> projections, List<NeuronModel> neurons,
                              SpikeFunction spikeFunction) {
        if (projections.isEmpty() || projections.size() != neurons.size()) {
            throw new IllegalArgumentException("need one neuron model per projection, got " + neurons.size()
                    + " for " + projections.size());
        }
        for (int l = 1; l < projections.size(); l++) {
            if (projections.get(l).pre() != projections.get(l - 1).post()) {
                throw new IllegalArgumentException("projection " + (l + 1) + " expects " + projections.get(l).pre()
                        + " inputs but layer " + l + " has " + projections.get(l - 1).post() + " neurons");
            }
        }
        this.steps = steps;
        this.projections = List.copyOf(projections);
        this.neurons = List.copyOf(neurons);
        this.spikeFunction = spikeFunction;
    }

    public int steps() {
        return steps;
    }

    public int layerCount() {
        return projections.size();
    }

    public int inputSize() {
        return projections.get(0).pre();
    }

    public int outputSize() {
        return projections.get(projections.size() - 1).post();
    }

    public Projection projection(int layer) {
        return projections.get(layer);
    }

    public NeuronModel neuron(int layer) {
        return neurons.get(layer);
    }

    public SpikeFunction spikeFunction() {
        return spikeFunction;
    }

    public List<ParameterGroup> parameters() {
        List<ParameterGroup> groups = new ArrayList<>();
        for (Projection p : projections) {
            groups.add(p.weights());
            groups.add(p.delays());
        }
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

    /** Simulates one sample; the output layer's spikes are then in {@code activity.spikes(layerCount()-1)}. */
    public void forward(SpikeEvents input, Activity activity) {
        SpikeEvents in = input;
        for (int l = 0; l < projections.size(); l++) {
            Projection p = projections.get(l);
            p.forward(in, activity.arrival[l], activity.taps);
            neurons.get(l).run(activity.state[l], activity.arrival[l], steps, activity.membrane[l],
                    activity.spikes[l], spikeFunction);
            if (l < projections.size() - 1) {
                if (activity.dense) {
                    activity.events[l].collectAll(activity.spikes[l], p.post());
                } else {
                    activity.events[l].collect(activity.spikes[l], p.post());
                }
                in = activity.events[l];
            }
        }
    }

    /**
     * Backpropagates through the last {@link #forward} of {@code activity}.
     *
     * @param gradOutput dL/d output spikes, [step][output neuron]
     * @param gradients  one accumulator per parameter group (order of {@link #parameters()}),
     *                   added to; null entries are not computed (frozen groups)
     */
    public void backward(SpikeEvents input, Activity activity, double[] gradOutput, double[][] gradients) {
        int last = projections.size() - 1;
        System.arraycopy(gradOutput, 0, activity.gradSpikes[last], 0, steps * outputSize());
        for (int l = last; l >= 0; l--) {
            Projection p = projections.get(l);
            neurons.get(l).backpropagate(activity.adjoint[l], activity.membrane[l], activity.spikes[l],
                    activity.gradSpikes[l], steps, activity.gradArrival[l], spikeFunction);
            SpikeEvents in = l == 0 ? input : activity.events[l - 1];
            double[] gradIn = l == 0 ? null : activity.gradSpikes[l - 1];
            p.backward(in, activity.gradArrival[l], gradients[2 * l], gradients[2 * l + 1], gradIn, activity.taps,
                    activity.work[l]);
        }
    }

    /** Clamps every projection's delays and refreshes what is derived from them. */
    public void clampDelays() {
        for (Projection p : projections) {
            p.clampDelays();
        }
    }
}
