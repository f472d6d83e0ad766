package io.delaynet.event;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.TimeBase;
import java.util.ArrayList;
import java.util.List;

/**
 * The event-driven engine's side of the network description. Time is in units of tau_s, as the
 * engine computes, so the numbers are the engine's own; {@link #describe} writes the effective
 * delays (the parameterisation, sigmoid or clip, is a training choice and stays with the run), and
 * {@link #build} makes a network that realises exactly those delays: a rebuilt network computes
 * the same spike times bit for bit.
 */
public final class EventDescriptions {
    /** The layered network's decision rule: the output neuron that spikes first. */
    public static final String DECISION = "earliest_spike";

    private EventDescriptions() {
    }

    /**
     * @param tauSynSeconds the physical length of tau_s, the description's time unit
     */
    public static NetworkDescription describe(EventNetwork network, double tauSynSeconds) {
        LifModel m = network.model();
        Neuron neuron = new Neuron.FirstSpikeLif(1.0, m.tauRatio(), m.threshold());
        List<Population> populations = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        populations.add(new Population("input", network.inputSize(), new Neuron.Source()));
        String below = "input";
        for (int l = 0; l < network.layerCount(); l++) {
            Projection p = network.projection(l);
            String name = "layer" + (l + 1);
            populations.add(new Population(name, p.post(), neuron));
            connections.add(new Connection(name, below, name, p.pre(), p.post(), p.weights().values().clone(),
                    p.kind(), delays(p), new DelayRealisation.Exact(), false));
            below = name;
        }
        return new NetworkDescription(TimeBase.continuous(tauSynSeconds), 0, populations, connections, "input", below,
                DECISION);
    }

    /** One effective delay per delay element (sharing expanded): per line, per neuron or per synapse. */
    private static double[] delays(Projection p) {
        int pre = p.pre();
        int post = p.post();
        double[] d = new double[p.kind().count(pre, post)];
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                switch (p.kind()) {
                    case NONE -> {
                    }
                    case AXONAL -> d[i] = p.delay(i, j);
                    case DENDRITIC -> d[j] = p.delay(i, j);
                    case SYNAPTIC -> d[j * pre + i] = p.delay(i, j);
                }
            }
        }
        return d;
    }

    /**
     * The network a description describes, for running it: weights as given, every delay element a
     * parameter of its own holding the effective delay (clip parameterisation without bounds).
     *
     * @throws IllegalArgumentException when the description is not a layered first-spike network
     */
    public static EventNetwork build(NetworkDescription d) {
        if (!d.time().isContinuous()) {
            throw new IllegalArgumentException("the event-driven engine runs continuous-time descriptions (dt = 0), got dt = "
                    + d.time().dt());
        }
        List<Population> chain = d.chain();
        LifModel model = null;
        List<Projection> projections = new ArrayList<>();
        for (int l = 1; l < chain.size(); l++) {
            Population population = chain.get(l);
            if (!(population.neuron() instanceof Neuron.FirstSpikeLif f) || f.tauSyn() != 1.0) {
                throw new IllegalArgumentException("population " + population.name()
                        + " is not a first-spike LIF with tau_syn = 1 time unit; the event engine cannot run it");
            }
            LifModel layerModel = new LifModel(f.tauMem(), f.threshold());
            if (model != null && !model.equals(layerModel)) {
                throw new IllegalArgumentException("every layer of an event-driven network shares one neuron model");
            }
            model = layerModel;
            Connection c = d.connectionsInto(population.name()).get(0);
            c.requireDense("the event-driven engine");
            if (c.recurrent() || d.connectionsInto(population.name()).size() != 1) {
                throw new IllegalArgumentException(population.name() + ": the event engine runs feed-forward layers only");
            }
            projections.add(new Projection(l - 1, c.pre(), c.post(), c.weights().clone(), c.kind(),
                    new DelayParameterisation.Clip(0, Double.POSITIVE_INFINITY),
                    c.kind() == DelayKind.NONE ? null : rawDelays(c), 1, 1));
        }
        return new EventNetwork(model, chain.get(0).size(), projections);
    }

    /** The description's delays in the engine's parameter order (synaptic: j * pre + i, the same). */
    private static double[] rawDelays(Connection c) {
        return c.delays().clone();
    }
}
