package io.delaynet.hardware;

import io.delaynet.model.Connection;
import io.delaynet.model.NetworkDescription;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import io.delaynet.event.EventNetwork;
import io.delaynet.event.EventTrace;
import io.delaynet.event.Projection;
import java.util.ArrayList;
import java.util.List;

/**
 * The ideal substrate: DelGrad's exact event-driven simulator ({@link EventNetwork}, closed-form
 * spike times), no noise, no quantisation. It ignores trial identifiers, as nothing varies.
 */
public final class IdealBackend implements SpikingBackend {
    private volatile EventNetwork network;

    @Override
    public String name() {
        return "ideal";
    }

    @Override
    public void load(NetworkDescription description) {
        List<Projection> projections = new ArrayList<>();
        // Delays arrive as plain per-synapse values: a clipped (identity) parameterisation holds them as is.
        DelayParameterisation identity = new DelayParameterisation.Clip(0.0, Double.POSITIVE_INFINITY);
        List<Connection> layers = description.layers();
        for (int l = 0; l < layers.size(); l++) {
            Connection layer = layers.get(l);
            boolean delayed = layer.kind() != DelayKind.NONE;
            for (double d : layer.delays()) {
                if (!(d >= 0)) {
                    throw new IllegalArgumentException("layer " + l + ": delays must be >= 0, got " + d);
                }
            }
            double[] perSynapse = new double[layer.pre() * layer.post()];
            for (int j = 0; j < layer.post(); j++) {
                for (int i = 0; i < layer.pre(); i++) {
                    perSynapse[j * layer.pre() + i] = layer.delay(i, j);
                }
            }
            projections.add(new Projection(l, layer.pre(), layer.post(), layer.weights().clone(),
                    delayed ? DelayKind.SYNAPTIC : DelayKind.NONE, delayed ? identity : null,
                    delayed ? perSynapse : null, 1, 1));
        }
        network = new EventNetwork(ChipNetwork.neuron(description), description.inputSize(), projections);
    }

    @Override
    public List<SpikeRecord> run(double[][] inputs, long[] trials) {
        EventNetwork net = network;
        if (net == null) {
            throw new IllegalStateException("load a network before running it");
        }
        EventTrace trace = net.newTrace();
        List<SpikeRecord> out = new ArrayList<>(inputs.length);
        for (double[] input : inputs) {
            net.forward(input, trace);
            double[][] times = new double[net.layerCount() + 1][];
            for (int l = 0; l <= net.layerCount(); l++) {
                times[l] = trace.spikeTimes(l).clone();
            }
            out.add(new SpikeRecord(times));
        }
        return out;
    }
}
