package io.delaynet.hardware;

import io.delaynet.event.EventNetwork;
import io.delaynet.event.LifModel;
import io.delaynet.event.Projection;
import java.util.ArrayList;
import java.util.List;

/**
 * A network as it is written to a backend: the nominal neuron model (tau_m/tau_s, threshold; time
 * in units of tau_s, C_m = tau_s) and every layer's weights and effective delays.
 */
public record NetworkDescription(LifModel neuron, int inputSize, List<LayerDescription> layers) {
    public NetworkDescription {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        int width = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).pre() != width) {
                throw new IllegalArgumentException("layer " + l + " expects " + layers.get(l).pre()
                        + " inputs but the previous layer has " + width);
            }
            width = layers.get(l).post();
        }
    }

    /** The current parameters of an event network (weights and effective delays, copied). */
    public static NetworkDescription of(EventNetwork network) {
        List<LayerDescription> layers = new ArrayList<>();
        for (Projection p : network.projections()) {
            double[] delays = new double[p.pre() * p.post()];
            for (int j = 0; j < p.post(); j++) {
                for (int i = 0; i < p.pre(); i++) {
                    delays[j * p.pre() + i] = p.delay(i, j);
                }
            }
            layers.add(new LayerDescription(p.pre(), p.post(), p.weights().values(), p.kind(), delays));
        }
        return new NetworkDescription(network.model(), network.inputSize(), layers);
    }

    public int layerCount() {
        return layers.size();
    }

    public LayerDescription layer(int l) {
        return layers.get(l);
    }
}
