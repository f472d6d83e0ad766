package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.io.Json;
import io.delaynet.model.NetworkDescription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An independent reader (h5py, the HDF5 library NIR's own Python package uses) sees in an export
 * the node types, shapes, delays and edges the model has. Skipped where no python3 with h5py is
 * installed (Debian: {@code apt-get install python3-h5py}).
 */
class NirPythonReadBackTest {
    @TempDir
    Path tmp;

    static final String SCRIPT = """
            import h5py, json, sys
            out = {}
            with h5py.File(sys.argv[1], 'r') as f:
                def s(x):
                    return x.decode() if isinstance(x, bytes) else str(x)
                out['version'] = s(f['version'][()])
                out['graph'] = s(f['node/type'][()])
                out['edges'] = [[s(a), s(b)] for a, b in f['node/edges'][()]]
                nodes = {}
                for name, g in f['node/nodes'].items():
                    n = {'type': s(g['type'][()])}
                    for k, d in g.items():
                        if isinstance(d, h5py.Dataset) and k != 'type':
                            n[k] = {'shape': list(d.shape), 'dtype': str(d.dtype), 'values': d[()].ravel().tolist()}
                    if 'metadata' in g:
                        n['metadata'] = {k: s(v[()]) for k, v in g['metadata'].items()}
                    nodes[name] = n
                out['nodes'] = nodes
            print(json.dumps(out))
            """;

    static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import h5py").redirectErrorStream(true).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (java.io.IOException | InterruptedException e) {
                // try the next one
            }
        }
        return null;
    }

    @Test
    void h5pyReadsTheExportAsTheModelIs() throws Exception {
        String python = python();
        assumeTrue(python != null, "no python3 with h5py (apt-get install python3-h5py); skipping the independent read-back");
        NetworkDescription d = SteppedFixtures.recurrentSynaptic(5);
        NirGraph graph = NirExport.export(d);
        Path file = tmp.resolve("export.nir");
        NirFile.write(graph, file);
        Path script = tmp.resolve("read.py");
        Files.writeString(script, SCRIPT);
        Process p = new ProcessBuilder(python, script.toString(), file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), text);
        JsonNode read = Json.parse(text);
        assertEquals("NIRGraph", read.get("graph").asString());
        assertEquals(NirGraph.VERSION, read.get("version").asString());
        assertEquals(graph.edges().size(), read.get("edges").size());
        for (int e = 0; e < graph.edges().size(); e++) {
            assertEquals(graph.edges().get(e).from(), read.get("edges").get(e).get(0).asString());
            assertEquals(graph.edges().get(e).to(), read.get("edges").get(e).get(1).asString());
        }
        JsonNode nodes = read.get("nodes");
        assertEquals(graph.nodes().size(), nodes.size());
        for (NirNode n : graph.nodes().values()) {
            JsonNode r = nodes.get(n.name());
            assertEquals(n.type(), r.get("type").asString(), n.name());
            for (var p2 : n.parameters().entrySet()) {
                JsonNode param = r.get(p2.getKey());
                int[] shape = new int[param.get("shape").size()];
                for (int k = 0; k < shape.length; k++) {
                    shape[k] = param.get("shape").get(k).asInt();
                }
                assertArrayEquals(p2.getValue().shape(), shape, n.name() + "/" + p2.getKey());
                double[] values = new double[param.get("values").size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = param.get("values").get(k).asDouble();
                }
                assertArrayEquals(p2.getValue().values(), values, n.name() + "/" + p2.getKey());
            }
            n.metadata().forEach((k, v) -> assertEquals(v, r.get("metadata").get(k).asString(), n.name() + " " + k));
        }
        // The learned per-synapse delays, in seconds, as h5py sees them.
        var c = d.connections().get(0);
        assertEquals(c.delay(4, 6) * SteppedFixtures.STEP,
                nodes.get("hidden.delay").get("delay").get("values").get(6 * c.pre() + 4).asDouble(), 1e-15);
        assertEquals("int64", nodes.get("input").get("shape").get("dtype").asString());
    }

    @Test
    void h5pyReadsConvolutionWeightsAsRankFourAndSizesAsIntegers() throws Exception {
        String python = python();
        assumeTrue(python != null, "no python3 with h5py (apt-get install python3-h5py); skipping the independent read-back");
        double[] w = new double[4 * 2 * 3 * 2];
        for (int k = 0; k < w.length; k++) {
            w[k] = k * 0.25;
        }
        java.util.Map<String, NirTensor> conv = new java.util.LinkedHashMap<>();
        conv.put("weight", new NirTensor(w, new int[] {4, 2, 3, 2}));
        conv.put("stride", NirTensor.vector(2, 1));
        conv.put("groups", new NirTensor(new double[] {1}, new int[0]));
        NirGraph g = NirGraph.of(List.of(new NirNode("in", "Input", java.util.Map.of("shape", NirTensor.vector(2, 6, 6))),
                new NirNode("conv", "Conv2d", conv, java.util.Map.of(), java.util.Map.of("padding", "same")),
                new NirNode("out", "Output", java.util.Map.of())),
                List.of(new NirGraph.Edge("in", "conv"), new NirGraph.Edge("conv", "out")), java.util.Map.of());
        Path file = tmp.resolve("conv.nir");
        NirFile.write(g, file);
        Path script = tmp.resolve("conv.py");
        Files.writeString(script, """
                import h5py, json, sys
                with h5py.File(sys.argv[1], 'r') as f:
                    c = f['node/nodes/conv']
                    p = c['padding'][()]
                    print(json.dumps({'shape': list(c['weight'].shape), 'dtype': str(c['weight'].dtype),
                                      'w': c['weight'][1, 0, 2, 1].item(), 'stride': str(c['stride'].dtype),
                                      'stride_values': c['stride'][()].tolist(), 'groups': str(c['groups'].dtype),
                                      'padding': p.decode() if isinstance(p, bytes) else str(p)}))
                """);
        Process p = new ProcessBuilder(python, script.toString(), file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), text);
        JsonNode read = Json.parse(text);
        assertEquals("[4,2,3,2]", read.get("shape").toString());
        assertEquals("float64", read.get("dtype").asString());
        assertEquals(w[((1 * 2 + 0) * 3 + 2) * 2 + 1], read.get("w").asDouble());
        assertEquals("int64", read.get("stride").asString());
        assertEquals("[2,1]", read.get("stride_values").toString());
        assertEquals("int64", read.get("groups").asString());
        assertEquals("same", read.get("padding").asString());
    }
}
