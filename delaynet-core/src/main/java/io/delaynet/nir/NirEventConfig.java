package io.delaynet.nir;

import io.delaynet.model.Connection;
import io.delaynet.model.NetworkDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration of a DelGrad model imported from its own NIR export. The export holds the
 * delays the run ended with, one per delay element, and not the trainable numbers behind them (a
 * sigmoid's raw parameters, delays shared across lines), so the imported model keeps everything of
 * the original configuration but the delays' form: {@code network.delay.parameterisation = clip}
 * on [0, max] (max at least the largest delay) and {@code delay_sharing = 1} in every layer. The
 * raw parameter is then the delay itself, and the event engine computes exactly the spike times
 * of the original (the imported file says so in its configuration; training it further trains
 * clipped, unshared delays).
 */
final class NirEventConfig {
    /** The method whose models an event-driven export imports into. */
    static final String METHOD = "delgrad";

    private NirEventConfig() {
    }

    static ObjectNode realising(ObjectNode original, NetworkDescription d) {
        String method = original.path("method").asString("");
        if (!METHOD.equals(method)) {
            throw new NirException("the event-driven export's configuration is of method '" + method
                    + "', and import makes models of method " + METHOD + " only", "run the graph with 'delaynet nir run'");
        }
        ObjectNode config = original.deepCopy();
        JsonNode network = config.path("network");
        JsonNode layers = network.path("layers");
        if (!(network instanceof ObjectNode net) || !layers.isArray() || layers.size() != d.connections().size()) {
            throw new NirException("the event-driven export's configuration has " + layers.size() + " layers, its graph "
                    + d.connections().size() + " projections", "re-export the model");
        }
        double longest = 0;
        for (int l = 0; l < layers.size(); l++) {
            Connection c = d.connectionsInto(d.chain().get(l + 1).name()).get(0);
            if (!(layers.get(l) instanceof ObjectNode layer) || layer.path("size").asInt(-1) != c.post()) {
                throw new NirException("the event-driven export's configuration: layer " + l + " is not the graph's "
                        + c.post() + "-neuron " + c.name(), "re-export the model");
            }
            layer.put("delay_sharing", 1);
            layer.put("delays", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            for (double v : c.delays()) {
                longest = Math.max(longest, v);
            }
        }
        ObjectNode delay = net.path("delay") instanceof ObjectNode o ? o : net.putObject("delay");
        double max = delay.path("max").isNumber() ? delay.path("max").asDouble() : 0;
        delay.put("parameterisation", "clip");
        delay.put("min", 0.0);
        delay.put("max", Math.max(max, longest));
        return config;
    }
}
