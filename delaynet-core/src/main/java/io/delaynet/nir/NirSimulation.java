package io.delaynet.nir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A NIR graph run on a time grid of step {@code dt} seconds. Each step every node computes its
 * output from the sum of its sources' outputs, in an order in which feed-forward sources come
 * first. An edge that closes a cycle (found by a depth-first walk from the Input: an edge into a
 * node still on the walk's path) is a recurrent edge: it carries its source's output of the
 * previous step, the one-step lag every discrete-time simulator of a recurrent NIR graph has.
 * The node equations and their discretisation are in {@link NirKernels}.
 */
public final class NirSimulation {

    /** How a node's ODE is advanced over one step (see {@link NirKernels}). */
    public enum Integration {
        /** Input held over the step, the linear ODE solved exactly (the default). */
        EXACT,
        /** One forward-Euler step (Norse's and snnTorch's discretisation). */
        EULER
    }

    /** What a spike does to the membrane. */
    public enum Reset {
        /** NIR's rule: v &lt;- v_reset (0 when the file has none), unless the node's metadata says subtract. */
        NIR,
        /** v &lt;- v - v_threshold for every spiking node (the reset of the NIR paper's exact LIF reference). */
        SUBTRACT
    }

    /** How a spike is represented on the grid. */
    public enum Spikes {
        /** 1 in the step it falls in (the convention of the NIR paper's files and of time-stepped exports). */
        UNIT,
        /** 1/dt in its step: a Dirac pulse of area 1, the continuous-time reading (event-driven exports). */
        DIRAC
    }

    /** @param dt the step in seconds (> 0) */
    public record Options(double dt, Integration integration, Reset reset, Spikes spikes) {
        public Options {
            if (!(dt > 0) || Double.isInfinite(dt)) {
                throw new NirException("the time step must be > 0 seconds, got " + dt, "pass --dt in seconds, e.g. 1e-4");
            }
        }

        public Options(double dt, Integration integration, Reset reset) {
            this(dt, integration, reset, Spikes.UNIT);
        }

        /** The value a spiking node emits for a spike. */
        public double spikeValue() {
            return spikes == Spikes.DIRAC ? 1 / dt : 1;
        }

        public static Options exact(double dt) {
            return new Options(dt, Integration.EXACT, Reset.NIR);
        }
    }

    private final NirGraph graph;
    private final List<String> order;
    private final Map<String, NirKernel> kernels;
    private final Map<String, double[]> outputs = new HashMap<>();
    private final Map<String, double[]> previous = new HashMap<>();
    private final Map<String, double[]> inputs = new HashMap<>();
    /** Per node in {@link #order}: its sources, and whether each edge is recurrent. */
    private final Map<String, List<String>> sources = new HashMap<>();
    private final Map<String, List<Boolean>> recurrent = new HashMap<>();
    private final String inputNode;
    private final List<String> outputNodes;

    private NirSimulation(NirGraph graph, List<String> order, Map<String, NirKernel> kernels, Set<NirGraph.Edge> back) {
        this.graph = graph;
        this.order = order;
        this.kernels = kernels;
        this.inputNode = graph.input().name();
        this.outputNodes = graph.ofType("Output").stream().map(NirNode::name).toList();
        for (String name : order) {
            List<String> s = new ArrayList<>();
            List<Boolean> r = new ArrayList<>();
            for (NirGraph.Edge e : graph.edges()) {
                if (e.to().equals(name)) {
                    s.add(e.from());
                    r.add(back.contains(e));
                }
            }
            sources.put(name, s);
            recurrent.put(name, r);
            NirKernel k = kernels.get(name);
            outputs.put(name, new double[k.outputSize()]);
            previous.put(name, new double[k.outputSize()]);
            inputs.put(name, new double[k.inputSize()]);
        }
    }

    /** Compiles {@code graph}; unsupported nodes and shape mismatches are one-line errors naming the node. */
    public static NirSimulation build(NirGraph graph, Options options) {
        NirNode input = graph.input();
        Set<NirGraph.Edge> back = backEdges(graph, input.name());
        List<String> order = order(graph, input.name(), back);
        Map<String, NirKernel> kernels = new LinkedHashMap<>();
        Map<String, Integer> outSize = new HashMap<>();
        Map<String, int[]> outShape = new HashMap<>();
        for (String name : order) {
            NirNode node = graph.node(name);
            int n;
            int[] shape;
            if (name.equals(input.name())) {
                double[] s = input.require("shape").values();
                shape = new int[s.length];
                n = 1;
                for (int k = 0; k < s.length; k++) {
                    shape[k] = (int) s[k];
                    n *= shape[k];
                }
            } else {
                n = -1;
                shape = null;
                for (NirGraph.Edge e : graph.edges()) {
                    if (e.to().equals(name) && !back.contains(e)) {
                        int m = outSize.get(e.from());
                        if (n >= 0 && m != n) {
                            throw new NirException("NIR node '" + name + "' (" + node.type() + ") is fed " + n + " and "
                                    + m + " values by its sources", "the edges into a node must carry one shape");
                        }
                        n = m;
                        shape = shape == null ? outShape.get(e.from()) : shape;
                    }
                }
            }
            NirKernel k = NirKernels.compile(node, shape, options);
            kernels.put(name, k);
            outSize.put(name, k.outputSize());
            outShape.put(name, k.outputShape(shape));
        }
        for (NirGraph.Edge e : back) {
            if (!outSize.get(e.from()).equals(kernels.get(e.to()).inputSize())) {
                throw new NirException("NIR recurrent edge " + e.from() + " -> " + e.to() + " carries " + outSize.get(e.from())
                        + " values into a node of " + kernels.get(e.to()).inputSize(), "check the recurrent weight's shape");
            }
        }
        for (NirNode out : graph.ofType("Output")) {
            if (out.parameter("shape").isPresent()) {
                int n = 1;
                for (double s : out.require("shape").values()) {
                    n *= (int) s;
                }
                if (n != kernels.get(out.name()).outputSize()) {
                    throw new NirException("NIR Output node '" + out.name() + "' has shape of " + n + " values but is fed "
                            + kernels.get(out.name()).outputSize(), "the file is inconsistent");
                }
            }
        }
        return new NirSimulation(graph, order, kernels, back);
    }

    /** The edges into a node on the current path of a depth-first walk from the input. */
    private static Set<NirGraph.Edge> backEdges(NirGraph graph, String start) {
        Set<NirGraph.Edge> back = new HashSet<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {start, 0});
        onPath.add(start);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            String at = (String) top[0];
            List<String> next = graph.targets(at);
            int i = (Integer) top[1];
            if (i == next.size()) {
                stack.pop();
                onPath.remove(at);
                done.add(at);
                continue;
            }
            top[1] = i + 1;
            String to = next.get(i);
            if (onPath.contains(to)) {
                back.add(new NirGraph.Edge(at, to));
            } else if (!done.contains(to)) {
                onPath.add(to);
                stack.push(new Object[] {to, 0});
            }
        }
        for (String name : graph.nodes().keySet()) {
            if (!done.contains(name)) {
                throw new NirException("NIR node '" + name + "' cannot be reached from the Input node '" + start + "'",
                        "every node of a runnable graph lies on a path from the Input");
            }
        }
        return back;
    }

    /** A topological order of the graph without its recurrent edges (Kahn's algorithm, file order on ties). */
    private static List<String> order(NirGraph graph, String start, Set<NirGraph.Edge> back) {
        Map<String, Integer> indegree = new LinkedHashMap<>();
        for (String name : graph.nodes().keySet()) {
            indegree.put(name, 0);
        }
        for (NirGraph.Edge e : graph.edges()) {
            if (!back.contains(e)) {
                indegree.merge(e.to(), 1, Integer::sum);
            }
        }
        if (indegree.get(start) != 0) {
            throw new NirException("the NIR Input node '" + start + "' has edges into it", "the Input is a source");
        }
        List<String> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>(List.of(start));
        while (!ready.isEmpty()) {
            String at = ready.poll();
            order.add(at);
            for (NirGraph.Edge e : graph.edges()) {
                if (e.from().equals(at) && !back.contains(e) && indegree.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        return order;
    }

    public NirGraph graph() {
        return graph;
    }

    public int inputSize() {
        return kernels.get(inputNode).outputSize();
    }

    /** The Output nodes, in file order. */
    public List<String> outputNodes() {
        return outputNodes;
    }

    /** Values in all Output nodes (their sizes summed). */
    public int outputSize() {
        return outputNodes.stream().mapToInt(o -> kernels.get(o).outputSize()).sum();
    }

    /** Back to the state before the first step. */
    public void clear() {
        for (String name : order) {
            kernels.get(name).clear();
            java.util.Arrays.fill(outputs.get(name), 0);
            java.util.Arrays.fill(previous.get(name), 0);
        }
    }

    /** Advances one step with {@code input} as the Input node's values. */
    public void step(double[] input) {
        if (input.length != inputSize()) {
            throw new NirException("the input has " + input.length + " values per step, the graph's Input takes "
                    + inputSize(), "give one column per input channel");
        }
        for (String name : order) {
            double[] prev = previous.get(name);
            System.arraycopy(outputs.get(name), 0, prev, 0, prev.length);
        }
        for (String name : order) {
            double[] in = inputs.get(name);
            if (name.equals(inputNode)) {
                System.arraycopy(input, 0, in, 0, in.length);
            } else {
                java.util.Arrays.fill(in, 0);
                List<String> s = sources.get(name);
                List<Boolean> r = recurrent.get(name);
                for (int k = 0; k < s.size(); k++) {
                    double[] src = r.get(k) ? previous.get(s.get(k)) : outputs.get(s.get(k));
                    for (int i = 0; i < in.length; i++) {
                        in[i] += src[i];
                    }
                }
            }
            kernels.get(name).step(in, outputs.get(name));
        }
    }

    /** The output of node {@code name} in the last step. */
    public double[] output(String name) {
        double[] o = outputs.get(name);
        if (o == null) {
            graph.node(name);
        }
        return o;
    }

    /** The membrane potentials of a neuron node after the last step; a one-line error for other nodes. */
    public double[] membrane(String name) {
        graph.node(name);
        double[] v = kernels.get(name).membrane();
        if (v == null) {
            throw new NirException("NIR node '" + name + "' (" + graph.node(name).type() + ") has no membrane",
                    "record a neuron node (LIF, CubaLIF, LI, CubaLI, IF, I)");
        }
        return v;
    }

    /** The Output nodes' values, concatenated, after the last step. */
    public double[] outputs() {
        double[] out = new double[outputSize()];
        int at = 0;
        for (String o : outputNodes) {
            double[] v = outputs.get(o);
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }
}
