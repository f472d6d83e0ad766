package io.delaynet.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes NIR graphs in NIR's HDF5 layout:
 * <pre>
 * /version                       scalar string
 * /node/type                     "NIRGraph"
 * /node/edges                    strings, shape (E, 2): rows (source, target)
 * /node/nodes/&lt;name&gt;/type       scalar string, e.g. "CubaLIF"
 * /node/nodes/&lt;name&gt;/&lt;param&gt;    numeric arrays (or scalars)
 * /node/nodes/&lt;name&gt;/metadata/  optional string datasets (advisory)
 * /node/metadata/                optional string datasets (advisory)
 * </pre>
 * Parameters are written as float64 (so values round-trip exactly), shapes of Input and Output as
 * int64, strings fixed-length (all jHDF writes; NIR's reader decodes them). Anything the layout
 * does not allow is a {@link NirException} naming the file and node.
 */
public final class NirFile {
    private NirFile() {
    }

    /** Reads the graph in {@code file}. */
    public static NirGraph read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NirException("NIR file " + file + " does not exist", "pass the path of a .nir file");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            String version = hdf.getChild("version") instanceof Dataset v ? string(v.getData()) : "unknown";
            if (!(hdf.getChild("node") instanceof Group graph)) {
                throw new NirException("NIR file " + file + " has no group /node", "it is not a NIR graph file");
            }
            if (graph.getChild("type") instanceof Dataset t && !"NIRGraph".equals(string(t.getData()))) {
                throw new NirException("NIR file " + file + ": /node is a " + string(t.getData()) + ", not a NIRGraph",
                        "it is not a NIR graph file");
            }
            if (!(graph.getChild("nodes") instanceof Group nodesGroup)) {
                throw new NirException("NIR file " + file + " has no group /node/nodes", "the file is malformed");
            }
            Map<String, NirNode> nodes = new LinkedHashMap<>();
            for (Node child : nodesGroup) {
                nodes.put(child.getName(), readNode(file, child));
            }
            List<NirGraph.Edge> edges = new ArrayList<>();
            if (graph.getChild("edges") instanceof Dataset e && e.getSize() > 0) {
                Object data = e.getData();
                int rows = Array.getLength(data);
                for (int r = 0; r < rows; r++) {
                    Object row = Array.get(data, r);
                    if (row == null || !row.getClass().isArray() || Array.getLength(row) != 2) {
                        throw new NirException("NIR file " + file + ": /node/edges row " + r + " is not a pair of node names",
                                "the file is malformed");
                    }
                    edges.add(new NirGraph.Edge(string(Array.get(row, 0)), string(Array.get(row, 1))));
                }
            }
            Map<String, String> meta = graph.getChild("metadata") instanceof Group m ? strings(m) : Map.of();
            return new NirGraph(version, nodes, edges, meta);
        } catch (NirException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NirException("cannot read NIR file " + file + " (" + e.getMessage() + ")",
                    "check that it is an HDF5 file written by a NIR tool", e);
        }
    }

    private static NirNode readNode(Path file, Node child) {
        String name = child.getName();
        if (!(child instanceof Group g)) {
            throw new NirException("NIR file " + file + ": node '" + name + "' is not a group", "the file is malformed");
        }
        if (!(g.getChild("type") instanceof Dataset typeSet)) {
            throw new NirException("NIR file " + file + ": node '" + name + "' has no type", "the file is malformed");
        }
        String type = string(typeSet.getData());
        Map<String, NirTensor> params = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, String> meta = Map.of();
        for (Node p : g) {
            String key = p.getName();
            if (key.equals("type")) {
                continue;
            }
            if (key.equals("metadata") && p instanceof Group m) {
                meta = strings(m);
                continue;
            }
            if (p instanceof Group) {
                throw new NirException("NIR node '" + name + "' (" + type + ") holds a nested group '" + key
                        + "'; subgraphs are not supported", "flatten the graph before exporting it");
            }
            Dataset d = (Dataset) p;
            Object data = d.getData();
            if (data instanceof String || (data != null && data.getClass().isArray()
                    && data.getClass().getComponentType() == String.class)) {
                text.put(key, string(data)); // a string parameter, e.g. a Conv2d's padding mode; nodes that need one read it
                continue;
            }
            params.put(key, tensor(d, name, type, key));
        }
        return new NirNode(name, type, params, meta, text);
    }

    private static NirTensor tensor(Dataset d, String node, String type, String key) {
        int[] shape = d.isScalar() ? new int[0] : d.getDimensions();
        Object flat = d.isScalar() ? d.getData() : d.getDataFlat();
        double[] values;
        if (flat instanceof Number n) {
            values = new double[] {n.doubleValue()};
        } else if (flat instanceof Boolean b) {
            values = new double[] {b ? 1 : 0};
        } else if (flat != null && flat.getClass().isArray()) {
            int n = Array.getLength(flat);
            values = new double[n];
            for (int i = 0; i < n; i++) {
                Object v = Array.get(flat, i);
                if (!(v instanceof Number num)) {
                    throw new NirException("NIR node '" + node + "' (" + type + "): parameter '" + key + "' is not numeric",
                            "the file is malformed");
                }
                values[i] = num.doubleValue();
            }
        } else {
            throw new NirException("NIR node '" + node + "' (" + type + "): parameter '" + key + "' has unreadable data",
                    "the file is malformed");
        }
        return new NirTensor(values, shape);
    }

    private static Map<String, String> strings(Group g) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n : g) {
            if (n instanceof Dataset d) {
                Object v = d.getData();
                out.put(n.getName(), v instanceof String s ? s : v instanceof Number num ? num.toString() : String.valueOf(v));
            }
        }
        return out;
    }

    private static String string(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (o != null && o.getClass().isArray() && Array.getLength(o) == 1) {
            return string(Array.get(o, 0));
        }
        return String.valueOf(o);
    }

    /** Writes {@code graph} to {@code file} (replacing it). */
    public static void write(NirGraph graph, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (WritableHdfFile hdf = HdfFile.write(file)) {
                hdf.putDataset("version", graph.version());
                WritableGroup root = hdf.putGroup("node");
                root.putDataset("type", "NIRGraph");
                String[][] edges = new String[graph.edges().size()][];
                for (int e = 0; e < edges.length; e++) {
                    edges[e] = new String[] {graph.edges().get(e).from(), graph.edges().get(e).to()};
                }
                if (edges.length > 0) {
                    root.putDataset("edges", edges);
                }
                WritableGroup nodes = root.putGroup("nodes");
                for (NirNode n : graph.nodes().values()) {
                    WritableGroup g = nodes.putGroup(n.name());
                    g.putDataset("type", n.type());
                    for (Map.Entry<String, NirTensor> p : n.parameters().entrySet()) {
                        g.putDataset(p.getKey(), data(n, p.getKey(), p.getValue()));
                    }
                    n.text().forEach(g::putDataset);
                    putStrings(g, n.metadata());
                }
                putStrings(root, graph.metadata());
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new NirException("cannot write NIR file " + file + " (" + e.getMessage() + ")",
                    "check that the folder is writable", e);
        }
    }

    private static void putStrings(WritableGroup g, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        WritableGroup m = g.putGroup("metadata");
        values.forEach(m::putDataset);
    }

    /** Parameters NIR stores as integers (int64): shapes, and the sizes of convolutions, pools and flattening. */
    private static final java.util.Set<String> INTEGRAL = java.util.Set.of("shape", "input_shape", "input_type", "stride",
            "padding", "dilation", "groups", "kernel_size", "start_dim", "end_dim");

    /** Integral parameters as int64, everything else as float64 (vectors up to rank-4 tensors, e.g. a Conv2d's weight). */
    private static Object data(NirNode n, String key, NirTensor t) {
        boolean integral = INTEGRAL.contains(key);
        int[] s = t.shape();
        if (s.length == 0) {
            return integral ? (Object) (long) t.values()[0] : (Object) t.values()[0];
        }
        if (s.length == 1) {
            if (integral) {
                long[] v = new long[t.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (long) t.values()[i];
                }
                return v;
            }
            return t.values().clone();
        }
        if (s.length == 2 && !integral) {
            double[][] m = new double[s[0]][s[1]];
            for (int r = 0; r < s[0]; r++) {
                System.arraycopy(t.values(), r * s[1], m[r], 0, s[1]);
            }
            return m;
        }
        if (s.length == 3 && !integral) {
            double[][][] m = new double[s[0]][s[1]][s[2]];
            for (int a = 0; a < s[0]; a++) {
                for (int b = 0; b < s[1]; b++) {
                    System.arraycopy(t.values(), (a * s[1] + b) * s[2], m[a][b], 0, s[2]);
                }
            }
            return m;
        }
        if (s.length == 4 && !integral) {
            double[][][][] m = new double[s[0]][s[1]][s[2]][s[3]];
            for (int a = 0; a < s[0]; a++) {
                for (int b = 0; b < s[1]; b++) {
                    for (int c = 0; c < s[2]; c++) {
                        System.arraycopy(t.values(), ((a * s[1] + b) * s[2] + c) * s[3], m[a][b][c], 0, s[3]);
                    }
                }
            }
            return m;
        }
        throw new NirException("NIR node '" + n.name() + "': parameter '" + key + "' of rank " + s.length
                + " cannot be written", "parameters of rank 0 to 4 are written (integral ones up to rank 1)");
    }
}
