package io.delaynet.nir;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a NIR graph: its name, its type string exactly as NIR spells it (see {@link #TYPES}
 * for those this package handles), its parameter arrays by NIR's parameter names, and optional
 * string metadata (NIR's advisory {@code metadata} group; this project's extensions live there).
 */
public record NirNode(String name, String type, Map<String, NirTensor> parameters, Map<String, String> metadata,
                      Map<String, String> text) {

    /** The node types {@link NirSimulation} runs. */
    public static final java.util.List<String> TYPES = java.util.List.of("Input", "Output", "Affine", "Linear",
            "Scale", "Delay", "LI", "LIF", "CubaLI", "CubaLIF", "I", "IF", "Threshold", "Conv2d", "SumPool2d", "Flatten");

    /**
     * @param text string-valued parameters (NIR writes e.g. a Conv2d's {@code padding = "same"} as a string)
     */
    public NirNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        text = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(text));
    }

    public NirNode(String name, String type, Map<String, NirTensor> parameters, Map<String, String> metadata) {
        this(name, type, parameters, metadata, Map.of());
    }

    public NirNode(String name, String type, Map<String, NirTensor> parameters) {
        this(name, type, parameters, Map.of());
    }

    public Optional<NirTensor> parameter(String key) {
        return Optional.ofNullable(parameters.get(key));
    }

    /** A parameter the node type requires; a one-line error naming the node when it is missing. */
    public NirTensor require(String key) {
        NirTensor t = parameters.get(key);
        if (t == null) {
            throw new NirException("NIR node '" + name + "' (" + type + ") has no parameter '" + key + "'",
                    "the file is malformed or written for another NIR version");
        }
        return t;
    }

    /**
     * A per-neuron parameter of length {@code n}; a missing optional one is {@code fallback}
     * everywhere, a scalar is broadcast.
     */
    public double[] perNeuron(String key, int n, Double fallback) {
        NirTensor t = parameters.get(key);
        if (t == null) {
            if (fallback == null) {
                require(key);
            }
            double[] v = new double[n];
            java.util.Arrays.fill(v, fallback);
            return v;
        }
        if (t.size() == 1 && n != 1) {
            double[] v = new double[n];
            java.util.Arrays.fill(v, t.values()[0]);
            return v;
        }
        if (t.size() != n) {
            throw new NirException("NIR node '" + name + "' (" + type + "): parameter '" + key + "' has " + t.size()
                    + " values, the node has " + n + " neurons", "give every per-neuron parameter the same length");
        }
        return t.values();
    }
}
