package io.delaynet.nir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A NIR graph: named nodes (in file order) and directed edges between them. Construction checks
 * what every consumer relies on: edges name existing nodes, and there is at least one Input and
 * one Output.
 *
 * @param version  the NIR version string written at the file's root
 * @param metadata the graph's string metadata ({@code node/metadata}; advisory in NIR)
 */
public record NirGraph(String version, Map<String, NirNode> nodes, List<Edge> edges, Map<String, String> metadata) {
    /** The NIR version this package writes (the layout of NIR 1.0). */
    public static final String VERSION = "1.0.7";

    /** A directed edge from one node's output to another node's input. */
    public record Edge(String from, String to) {
    }

    public NirGraph {
        Objects.requireNonNull(version, "version");
        nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        for (Edge e : edges) {
            for (String end : List.of(e.from(), e.to())) {
                if (!nodes.containsKey(end)) {
                    throw new NirException("NIR edge " + e.from() + " -> " + e.to() + " names node '" + end
                            + "', which the graph does not have", "the file is malformed");
                }
            }
        }
        if (ofType(nodes, "Input").isEmpty() || ofType(nodes, "Output").isEmpty()) {
            throw new NirException("the NIR graph has no " + (ofType(nodes, "Input").isEmpty() ? "Input" : "Output")
                    + " node", "a graph needs one Input and at least one Output");
        }
    }

    /** A graph built node by node, edges in order. */
    public static NirGraph of(List<NirNode> nodes, List<Edge> edges, Map<String, String> metadata) {
        Map<String, NirNode> byName = new LinkedHashMap<>();
        for (NirNode n : nodes) {
            if (byName.put(n.name(), n) != null) {
                throw new IllegalArgumentException("two NIR nodes are named " + n.name());
            }
        }
        return new NirGraph(VERSION, byName, edges, metadata);
    }

    private static List<NirNode> ofType(Map<String, NirNode> nodes, String type) {
        return nodes.values().stream().filter(n -> n.type().equals(type)).toList();
    }

    public List<NirNode> ofType(String type) {
        return ofType(nodes, type);
    }

    public NirNode node(String name) {
        NirNode n = nodes.get(name);
        if (n == null) {
            throw new NirException("the NIR graph has no node '" + name + "'", "name one of " + nodes.keySet());
        }
        return n;
    }

    /** The nodes with an edge into {@code name}, in edge order. */
    public List<String> sources(String name) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.to().equals(name)) {
                out.add(e.from());
            }
        }
        return out;
    }

    /** The nodes {@code name} has an edge to, in edge order. */
    public List<String> targets(String name) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.from().equals(name)) {
                out.add(e.to());
            }
        }
        return out;
    }

    /** The one Input node. */
    public NirNode input() {
        List<NirNode> in = ofType("Input");
        if (in.size() != 1) {
            throw new NirException("the NIR graph has " + in.size() + " Input nodes", "a runnable graph has exactly one");
        }
        return in.get(0);
    }
}
