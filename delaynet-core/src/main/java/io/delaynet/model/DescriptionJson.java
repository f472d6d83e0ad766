package io.delaynet.model;

import io.delaynet.config.ConfigException;
import io.delaynet.delay.DelayKind;
import io.delaynet.io.StoredDoubles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The file form of a {@link NetworkDescription}: plain JSON with snake_case keys, long arrays
 * base64-encoded ({@link StoredDoubles}). Reading checks every field and names the first wrong one.
 */
public final class DescriptionJson {
    private DescriptionJson() {
    }

    /** The JSON value (maps, lists, arrays) Jackson writes for {@code d}. */
    public static Map<String, Object> toJson(NetworkDescription d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", Map.of("unit_seconds", d.time().unitSeconds(), "dt", d.time().dt()));
        out.put("window", d.window());
        out.put("input", d.input());
        out.put("output", d.output());
        out.put("decision", d.decision());
        List<Object> populations = new ArrayList<>();
        for (Population p : d.populations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("size", p.size());
            m.put("neuron", neuron(p.neuron()));
            populations.add(m);
        }
        out.put("populations", populations);
        List<Object> projections = new ArrayList<>();
        for (Connection c : d.connections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("from", c.from());
            m.put("to", c.to());
            m.put("pre", c.pre());
            m.put("post", c.post());
            m.put("recurrent", c.recurrent());
            m.put("delay_kind", c.kind().toString());
            m.put("delay_realisation", realisation(c.realisation()));
            m.put("weights", StoredDoubles.toJson(c.weights()));
            m.put("delays", StoredDoubles.toJson(c.delays()));
            if (!c.dense()) {
                m.put("topology", topology(c.topology())); // absent = dense, so files of dense networks are unchanged
            }
            projections.add(m);
        }
        out.put("projections", projections);
        return out;
    }

    private static Map<String, Object> neuron(Neuron n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", n.type());
        switch (n) {
            case Neuron.Source s -> {
            }
            case Neuron.FirstSpikeLif f -> {
                m.put("tau_syn", f.tauSyn());
                m.put("tau_mem", f.tauMem());
                m.put("threshold", f.threshold());
            }
            case Neuron.CubaLif c -> {
                m.put("tau_syn", c.tauSyn());
                m.put("tau_mem", c.tauMem());
                m.put("threshold", c.threshold());
                m.put("reset", c.reset().name().toLowerCase(Locale.ROOT));
            }
            case Neuron.FilteredLif f -> {
                m.put("tau_syn", f.tauSyn());
                m.put("tau_mem", f.tauMem());
                m.put("threshold", f.threshold());
            }
            case Neuron.Lif l -> {
                m.put("tau_mem", l.tauMem());
                m.put("threshold", l.threshold());
                m.put("reset", l.reset().name().toLowerCase(Locale.ROOT));
            }
            case Neuron.Srm s -> {
                m.put("tau_psp", s.tauPsp());
                m.put("tau_refractory", s.tauRefractory());
                m.put("refractory_scale", s.refractoryScale());
                m.put("threshold", s.threshold());
            }
            case Neuron.LeakyIntegrator li -> m.put("tau_mem", li.tauMem());
            case Neuron.PassThrough p -> { } // no parameters
        }
        return m;
    }

    private static Map<String, Object> topology(Topology t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", t.type());
        switch (t) {
            case Topology.Dense d -> {
            }
            case Topology.Conv2d c -> {
                m.put("in_channels", c.inChannels());
                m.put("height", c.height());
                m.put("width", c.width());
                m.put("out_channels", c.outChannels());
                m.put("kernel", c.kernel());
            }
            case Topology.SumPool2d p -> {
                m.put("channels", p.channels());
                m.put("height", p.height());
                m.put("width", p.width());
                m.put("size", p.size());
            }
        }
        return m;
    }

    private static Topology readTopology(Reader r, JsonNode c) {
        if (c.get("topology") == null) {
            return Topology.Dense.INSTANCE;
        }
        JsonNode n = r.object(c, "topology");
        String type = r.text(n, "type");
        return switch (type) {
            case "dense" -> Topology.Dense.INSTANCE;
            case "conv2d" -> new Topology.Conv2d(r.integer(n, "in_channels"), r.integer(n, "height"),
                    r.integer(n, "width"), r.integer(n, "out_channels"), r.integer(n, "kernel"));
            case "sum_pool2d" -> new Topology.SumPool2d(r.integer(n, "channels"), r.integer(n, "height"),
                    r.integer(n, "width"), r.integer(n, "size"));
            default -> throw new IllegalArgumentException("unknown topology '" + type + "'; use dense, conv2d or sum_pool2d");
        };
    }

    private static Map<String, Object> realisation(DelayRealisation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (r) {
            case DelayRealisation.Exact e -> m.put("type", "exact");
            case DelayRealisation.WholeSteps w -> {
                m.put("type", "whole_steps");
                m.put("rounding", w.floor() ? "floor" : "round");
            }
            case DelayRealisation.Linear l -> m.put("type", "linear");
            case DelayRealisation.Gaussian g -> {
                m.put("type", "gaussian");
                m.put("sigma", g.sigma());
            }
        }
        return m;
    }

    /** Reads a description; any problem is a {@link ConfigException} naming {@code where} and the field. */
    public static NetworkDescription fromJson(JsonNode node, String where) {
        Reader r = new Reader(where);
        try {
            JsonNode time = r.object(node, "time");
            TimeBase clock = new TimeBase(r.number(time, "unit_seconds"), r.number(time, "dt"));
            List<Population> populations = new ArrayList<>();
            for (JsonNode p : r.array(node, "populations")) {
                populations.add(new Population(r.text(p, "name"), r.integer(p, "size"), readNeuron(r, r.object(p, "neuron"))));
            }
            List<Connection> connections = new ArrayList<>();
            for (JsonNode c : r.array(node, "projections")) {
                String name = r.text(c, "name");
                connections.add(new Connection(name, r.text(c, "from"), r.text(c, "to"), r.integer(c, "pre"),
                        r.integer(c, "post"), StoredDoubles.fromJson(c.get("weights"), where + ": " + name + ".weights"),
                        DelayKind.parse(r.text(c, "delay_kind")),
                        StoredDoubles.fromJson(c.get("delays"), where + ": " + name + ".delays"),
                        readRealisation(r, r.object(c, "delay_realisation")), r.bool(c, "recurrent"),
                        readTopology(r, c)));
            }
            return new NetworkDescription(clock, r.number(node, "window"), populations, connections,
                    r.text(node, "input"), r.text(node, "output"), r.text(node, "decision"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    private static Neuron readNeuron(Reader r, JsonNode n) {
        String type = r.text(n, "type");
        return switch (type) {
            case "source" -> new Neuron.Source();
            case "first_spike_lif" -> new Neuron.FirstSpikeLif(r.number(n, "tau_syn"), r.number(n, "tau_mem"),
                    r.number(n, "threshold"));
            case "cuba_lif" -> new Neuron.CubaLif(r.number(n, "tau_syn"), r.number(n, "tau_mem"), r.number(n, "threshold"),
                    reset(r.text(n, "reset")));
            case "filtered_lif" -> new Neuron.FilteredLif(r.number(n, "tau_syn"), r.number(n, "tau_mem"),
                    r.number(n, "threshold"));
            case "lif" -> new Neuron.Lif(r.number(n, "tau_mem"), r.number(n, "threshold"), reset(r.text(n, "reset")));
            case "srm" -> new Neuron.Srm(r.number(n, "tau_psp"), r.number(n, "tau_refractory"),
                    r.number(n, "refractory_scale"), r.number(n, "threshold"));
            case "leaky_integrator" -> new Neuron.LeakyIntegrator(r.number(n, "tau_mem"));
            case "pass_through" -> new Neuron.PassThrough();
            default -> throw new IllegalArgumentException("unknown neuron type '" + type + "'");
        };
    }

    private static Reset reset(String name) {
        try {
            return Reset.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown reset '" + name + "'; use subtract, zero or none");
        }
    }

    private static DelayRealisation readRealisation(Reader r, JsonNode n) {
        String type = r.text(n, "type");
        return switch (type) {
            case "exact" -> new DelayRealisation.Exact();
            case "whole_steps" -> new DelayRealisation.WholeSteps("floor".equals(r.text(n, "rounding")));
            case "linear" -> new DelayRealisation.Linear();
            case "gaussian" -> new DelayRealisation.Gaussian(r.number(n, "sigma"));
            default -> throw new IllegalArgumentException("unknown delay realisation '" + type + "'");
        };
    }

    /** Field access that names the missing or mistyped field. */
    private record Reader(String where) {
        JsonNode object(JsonNode n, String key) {
            JsonNode v = n == null ? null : n.get(key);
            if (v == null || !v.isObject()) {
                throw new IllegalArgumentException("'" + key + "' must be an object");
            }
            return v;
        }

        JsonNode array(JsonNode n, String key) {
            JsonNode v = n == null ? null : n.get(key);
            if (v == null || !v.isArray()) {
                throw new IllegalArgumentException("'" + key + "' must be a list");
            }
            return v;
        }

        String text(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.isString()) {
                throw new IllegalArgumentException("'" + key + "' must be text");
            }
            return v.asString();
        }

        double number(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !(v.isNumber() || v.isString() && v.asString().equals("Infinity"))) {
                throw new IllegalArgumentException("'" + key + "' must be a number");
            }
            return v.asDouble();
        }

        int integer(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException("'" + key + "' must be a whole number");
            }
            return v.asInt();
        }

        boolean bool(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.isBoolean()) {
                throw new IllegalArgumentException("'" + key + "' must be true or false");
            }
            return v.asBoolean();
        }
    }
}
