package io.delaynet.nir;

import io.delaynet.model.Connection;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Topology;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's convolution and pooling projections ({@link Topology}) as NIR's spatial nodes. The
 * engine lays a population out as NIR and PyTorch do (channel-major, row-major), so a
 * {@link Topology.Conv2d} is NIR's {@code Conv2d} as it stands: weight (out, in, k, k) in the
 * engine's order, bias zeros, stride 1, padding 0, dilation 1, groups 1, {@code input_shape}
 * (H, W). A {@link Topology.SumPool2d} is {@code SumPool2d} with kernel_size = stride = size and
 * padding 0, followed by a {@code Scale} node of its fixed weight where that is not 1. A dense
 * projection out of an image population starts with a {@code Flatten} (start_dim 0, end_dim -1,
 * input_type the (C, H, W) shape); an image input keeps its (C, H, W) shape on the Input node.
 */
final class NirSpatial {
    private NirSpatial() {
    }

    /** The (C, H, W) image shape of each population that a spatial projection reads or writes. */
    static Map<String, int[]> shapes(NetworkDescription d) {
        Map<String, int[]> out = new HashMap<>();
        for (Connection c : d.connections()) {
            switch (c.topology()) {
                case Topology.Conv2d t -> {
                    out.putIfAbsent(c.from(), new int[] {t.inChannels(), t.height(), t.width()});
                    out.putIfAbsent(c.to(), new int[] {t.outChannels(), t.outHeight(), t.outWidth()});
                }
                case Topology.SumPool2d t -> {
                    out.putIfAbsent(c.from(), new int[] {t.channels(), t.height(), t.width()});
                    out.putIfAbsent(c.to(), new int[] {t.channels(), t.outHeight(), t.outWidth()});
                }
                case Topology.Dense t -> {
                }
            }
        }
        return out;
    }

    static NirTensor tensor(int... v) {
        double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            d[k] = v[k];
        }
        return NirTensor.vector(d);
    }

    private static NirTensor scalar(double v) {
        return new NirTensor(new double[] {v}, new int[0]);
    }

    /** Adds the nodes of spatial projection {@code c} and its edges from its source to {@code to}. */
    static void export(Connection c, String to, List<NirNode> nodes, List<NirGraph.Edge> edges) {
        switch (c.topology()) {
            case Topology.Conv2d t -> {
                Map<String, NirTensor> p = new LinkedHashMap<>();
                p.put("weight", new NirTensor(c.weights().clone(),
                        new int[] {t.outChannels(), t.inChannels(), t.kernel(), t.kernel()}));
                p.put("bias", NirTensor.filled(t.outChannels(), 0));
                p.put("stride", tensor(1, 1));
                p.put("padding", tensor(0, 0));
                p.put("dilation", tensor(1, 1));
                p.put("groups", scalar(1));
                p.put("input_shape", tensor(t.height(), t.width()));
                String name = c.name() + ".conv";
                nodes.add(new NirNode(name, "Conv2d", p));
                edges.add(new NirGraph.Edge(c.from(), name));
                edges.add(new NirGraph.Edge(name, to));
            }
            case Topology.SumPool2d t -> {
                Map<String, NirTensor> p = new LinkedHashMap<>();
                p.put("kernel_size", tensor(t.size(), t.size()));
                p.put("stride", tensor(t.size(), t.size()));
                p.put("padding", tensor(0, 0));
                String name = c.name() + ".pool";
                nodes.add(new NirNode(name, "SumPool2d", p));
                edges.add(new NirGraph.Edge(c.from(), name));
                double w = c.weights()[0];
                if (w == 1) {
                    edges.add(new NirGraph.Edge(name, to));
                } else {
                    String scale = c.name() + ".scale";
                    nodes.add(new NirNode(scale, "Scale",
                            Map.of("scale", NirTensor.filled(t.channels() * t.outHeight() * t.outWidth(), w))));
                    edges.add(new NirGraph.Edge(name, scale));
                    edges.add(new NirGraph.Edge(scale, to));
                }
            }
            case Topology.Dense t -> throw new IllegalStateException("dense projections are written by NirExport");
        }
    }

    /** Adds a Flatten of {@code image} fed by {@code c}'s source; returns its name. */
    static String flatten(Connection c, int[] image, List<NirNode> nodes, List<NirGraph.Edge> edges) {
        String name = c.name() + ".flatten";
        Map<String, NirTensor> p = new LinkedHashMap<>();
        p.put("start_dim", scalar(0));
        p.put("end_dim", scalar(-1));
        p.put("input_type", tensor(image));
        nodes.add(new NirNode(name, "Flatten", p));
        edges.add(new NirGraph.Edge(c.from(), name));
        return name;
    }
}
