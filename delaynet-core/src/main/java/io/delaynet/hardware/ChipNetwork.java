package io.delaynet.hardware;

import io.delaynet.delay.DelayKind;
import io.delaynet.event.EventDescriptions;
import io.delaynet.event.EventNetwork;
import io.delaynet.event.LifModel;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.TimeBase;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link SpikingBackend} is given: a {@link NetworkDescription} of a feed-forward first-spike
 * network (time in units of tau_s, every layer the same nominal neuron). Helpers to read the
 * nominal neuron model back and to make such descriptions from a backend's point of view.
 */
public final class ChipNetwork {
    /** The time unit of descriptions made here; a backend computes in units of tau_s and ignores it. */
    static final double TAU_SYN_SECONDS = 1e-3;

    private ChipNetwork() {
    }

    /** The description of an event network's current parameters. */
    public static NetworkDescription of(EventNetwork network) {
        return EventDescriptions.describe(network, TAU_SYN_SECONDS);
    }

    /** A layered description with one nominal neuron model; layers named layer1, layer2, ... */
    public static NetworkDescription of(LifModel neuron, int inputSize, List<Connection> layers) {
        Neuron n = new Neuron.FirstSpikeLif(1.0, neuron.tauRatio(), neuron.threshold());
        List<Population> populations = new ArrayList<>();
        List<Connection> named = new ArrayList<>();
        populations.add(new Population("input", inputSize, new Neuron.Source()));
        String below = "input";
        for (int l = 0; l < layers.size(); l++) {
            Connection c = layers.get(l);
            String name = "layer" + (l + 1);
            populations.add(new Population(name, c.post(), n));
            named.add(new Connection(name, below, name, c.pre(), c.post(), c.weights(), c.kind(), c.delays(),
                    c.realisation(), false));
            below = name;
        }
        return new NetworkDescription(TimeBase.continuous(TAU_SYN_SECONDS), 0, populations, named, "input", below,
                EventDescriptions.DECISION);
    }

    /**
     * One layer from per-synapse delays ({@code delays[j * pre + i]}, as a backend realises them),
     * which must agree within each delay element of {@code kind}.
     */
    public static Connection layer(int pre, int post, double[] weights, DelayKind kind, double[] perSynapseDelays) {
        if (perSynapseDelays.length != pre * post) {
            throw new IllegalArgumentException("expected " + pre * post + " per-synapse delays, got " + perSynapseDelays.length);
        }
        double[] elements = new double[kind.count(pre, post)];
        boolean[] seen = new boolean[elements.length];
        Connection shape = new Connection("layer", "a", "b", pre, post, weights, kind, elements,
                new DelayRealisation.Exact(), false);
        for (int j = 0; j < post; j++) {
            for (int i = 0; i < pre; i++) {
                int e = shape.delayElement(i, j);
                double d = perSynapseDelays[j * pre + i];
                if (e < 0) {
                    continue;
                }
                if (seen[e] && elements[e] != d) {
                    throw new IllegalArgumentException("synapses sharing " + kind + " delay element " + e
                            + " ask for different delays " + elements[e] + " and " + d);
                }
                elements[e] = d;
                seen[e] = true;
            }
        }
        return shape;
    }

    /**
     * The nominal neuron of a backend network.
     *
     * @throws IllegalArgumentException when a population is not a first-spike LIF with tau_syn = 1, or they differ
     */
    public static LifModel neuron(NetworkDescription network) {
        LifModel model = null;
        for (Population p : network.populations()) {
            if (p.isSource()) {
                continue;
            }
            if (!(p.neuron() instanceof Neuron.FirstSpikeLif f) || f.tauSyn() != 1.0) {
                throw new IllegalArgumentException("population " + p.name()
                        + " is not a first-spike LIF neuron in units of tau_s; a spiking backend runs only those");
            }
            LifModel m = new LifModel(f.tauMem(), f.threshold());
            if (model != null && !model.equals(m)) {
                throw new IllegalArgumentException("every layer of a backend network shares one neuron model");
            }
            model = m;
        }
        return model;
    }
}
