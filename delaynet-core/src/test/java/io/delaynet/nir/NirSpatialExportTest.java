package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.io.Json;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.Reset;
import io.delaynet.model.TimeBase;
import io.delaynet.model.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Convolution and pooling projections exported as NIR Conv2d, SumPool2d (and Scale) with a
 * Flatten before the dense read-out: run by {@link NirSimulation} every layer spikes at exactly
 * the engine's steps, and h5py reads the node types and shapes back.
 */
class NirSpatialExportTest {
    @TempDir
    Path tmp;

    /**
     * input 1x8x8 -> 3x3 conv into 2 channels -> conv (2x6x6) -> 2x2 pool times {@code poolWeight}
     * -> pool (2x3x3) -> dense, axonal delays -> out(4), every population of {@code neuron}'s kind.
     */
    static NetworkDescription network(long seed, Neuron neuron, double gain, double poolWeight) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Population> pops = List.of(new Population("input", 64, new Neuron.Source()),
                new Population("conv", 72, neuron), new Population("pool", 18, neuron), new Population("out", 4, neuron));
        Topology conv = new Topology.Conv2d(1, 8, 8, 2, 3);
        Topology pool = new Topology.SumPool2d(2, 6, 6, 2);
        List<Connection> cons = List.of(
                new Connection("conv", "input", "conv", 64, 72, SteppedFixtures.uniform(r, 18, -0.2 * gain, 0.6 * gain),
                        DelayKind.NONE, new double[0], new DelayRealisation.Linear(), false, conv),
                new Connection("pool", "conv", "pool", 72, 18, new double[] {poolWeight * gain}, DelayKind.NONE,
                        new double[0], new DelayRealisation.Linear(), false, pool),
                SteppedFixtures.connection(r, "out", "pool", "out", 18, 4, DelayKind.AXONAL, new DelayRealisation.Linear(),
                        false, 0.8 * gain));
        return new NetworkDescription(TimeBase.stepped(SteppedFixtures.STEP), 30, pops, cons, "input", "out", "most_spikes");
    }

    static List<NetworkDescription> networks(long seed) {
        return List.of(network(seed, new Neuron.FilteredLif(2, 5, 1), 2, 0.75),
                network(seed, new Neuron.FilteredLif(1, 1, 1), 1, 1),
                network(seed, new Neuron.Lif(4, 1, Reset.ZERO), 1, 1),
                network(seed, new Neuron.CubaLif(2, 4, 1, Reset.SUBTRACT), 0.5, 0.25));
    }

    @Test
    void convolutionAndPoolingSpikeAtTheEnginesSteps() {
        for (long seed = 1; seed <= 3; seed++) {
            for (NetworkDescription d : networks(seed)) {
                double[][] x = SteppedFixtures.input(seed + 90, 30, 64, 0.3);
                Path file = tmp.resolve("conv" + seed + ".nir");
                NirFile.write(NirExport.export(d), file);
                NirGraph g = NirFile.read(file);
                String what = d.populations().get(1).neuron() + ", seed " + seed;
                for (int l = 0; l < 3; l++) {
                    String name = d.populations().get(l + 1).name();
                    double[][] engine = SteppedFixtures.runEngine(d, x, l);
                    double[][] nir = SteppedFixtures.runGraph(g, x, SteppedFixtures.STEP, name);
                    assertEquals(0, SteppedFixtures.maxDifference(engine, nir), what + ", layer " + name);
                    assertTrue(SteppedFixtures.count(engine) > 0, what + ": layer " + name + " stayed silent");
                }
            }
        }
    }

    @Test
    void theGraphHasConvPoolScaleAndFlattenNodes() {
        NirGraph g = NirExport.export(network(1, new Neuron.FilteredLif(2, 5, 1), 2, 0.75));
        assertEquals("Conv2d", g.node("conv.conv").type());
        assertEquals(List.of(2, 1, 3, 3), shape(g.node("conv.conv").require("weight")));
        assertEquals(List.of(1, 8, 8), values(g.node("input").require("shape")));
        assertEquals(List.of(8, 8), values(g.node("conv.conv").require("input_shape")));
        assertEquals("SumPool2d", g.node("pool.pool").type());
        assertEquals(List.of(2, 2), values(g.node("pool.pool").require("kernel_size")));
        assertEquals(1.5, g.node("pool.scale").require("scale").values()[17], 0);
        assertEquals("Flatten", g.node("out.flatten").type());
        assertEquals(List.of("out.delay"), g.targets("out.flatten"));
        assertFalse(NirExport.export(network(1, new Neuron.Lif(4, 1, Reset.ZERO), 1, 1)).nodes().containsKey("pool.scale"),
                "a pool weight of 1 needs no Scale");
    }

    @Test
    void importGivesTheConvolutionalNetworkBack() {
        for (NetworkDescription d : networks(4)) {
            if (!importable(d)) {
                continue;
            }
            assertImportGivesItBack(d, 95);
        }
    }

    /** A lone Threshold (tau 1 step and filtered current) is a form import refuses (NirFilteredLifTest). */
    private static boolean importable(NetworkDescription d) {
        return !d.populations().get(1).neuron().equals(new Neuron.FilteredLif(1, 1, 1));
    }

    /**
     * Exports {@code d}, imports the file again, and checks every population (in order, neuron and size), every
     * projection (topology, delay kind, ends, weights bit for bit) and the engine's outputs on a random input.
     */
    private void assertImportGivesItBack(NetworkDescription d, long inputSeed) {
        Path file = tmp.resolve("rt.nir");
        NirFile.write(NirExport.export(d), file);
        NetworkDescription back = NirImport.read(file, NirImport.Options.fromGraph());
        String what = d.populations().get(1).neuron().toString();
        assertEquals(d.populations().stream().map(Population::name).toList(),
                back.populations().stream().map(Population::name).toList(), what);
        for (Population p : d.populations()) {
            Population q = back.population(p.name()).orElseThrow();
            assertEquals(p.neuron(), q.neuron(), what + ", " + p.name());
            assertEquals(p.size(), q.size(), what + ", " + p.name());
        }
        for (Connection a : d.connections()) {
            Connection b = back.connections().stream().filter(c -> c.name().equals(a.name())).findFirst().orElseThrow();
            assertEquals(a.topology(), b.topology(), what + ", " + a.name());
            assertEquals(a.kind(), b.kind(), what + ", " + a.name());
            assertEquals(List.of(a.from(), a.to()), List.of(b.from(), b.to()), what + ", " + a.name());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.weights(), b.weights(), what + ", " + a.name());
        }
        double[][] x = SteppedFixtures.input(inputSeed, 30, 64, 0.3);
        double[][] engine = SteppedFixtures.runEngine(d, x);
        assertTrue(SteppedFixtures.count(engine) > 0, what);
        assertEquals(0, SteppedFixtures.maxDifference(engine, SteppedFixtures.runEngine(back, x)), what);
    }

    @Test
    void aConvolutionTheEngineHasNoFormForIsAOneLineErrorNamingIt() {
        NirGraph g = NirExport.export(network(1, new Neuron.Lif(4, 1, Reset.ZERO), 1, 1));
        java.util.Map<String, NirNode> nodes = new java.util.LinkedHashMap<>(g.nodes());
        NirNode conv = nodes.get("conv.conv");
        java.util.Map<String, NirTensor> p = new java.util.LinkedHashMap<>(conv.parameters());
        p.put("stride", NirSpatial.tensor(2, 2));
        nodes.put(conv.name(), new NirNode(conv.name(), "Conv2d", p));
        NirGraph bad = new NirGraph(g.version(), nodes, g.edges(), g.metadata());
        NirException e = org.junit.jupiter.api.Assertions.assertThrows(NirException.class,
                () -> NirImport.toDescription(bad, NirImport.Options.fromGraph()));
        assertTrue(e.getMessage().contains("'conv.conv'") && e.getMessage().contains("strided"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** {@code d} with its pooling population ("pool") made one without neurons, as the NA release pools. */
    static NetworkDescription withoutPoolNeurons(NetworkDescription d) {
        List<Population> pops = new ArrayList<>(d.populations());
        pops.set(2, new Population("pool", 18, new Neuron.PassThrough()));
        return new NetworkDescription(d.time(), d.window(), pops, d.connections(), d.input(), d.output(), d.decision());
    }

    @Test
    void aPoolingWithoutNeuronsPassesTheEnginesSumsAndTheNextLayerSpikesAtItsSteps() {
        for (long seed = 1; seed <= 3; seed++) {
            for (NetworkDescription withNeurons : networks(seed)) {
                NetworkDescription d = withoutPoolNeurons(withNeurons);
                double[][] x = SteppedFixtures.input(seed + 90, 30, 64, 0.3);
                Path file = tmp.resolve("pass" + seed + ".nir");
                NirFile.write(NirExport.export(d), file);
                NirGraph g = NirFile.read(file);
                String what = d.populations().get(1).neuron() + ", seed " + seed;
                double[][] pooled = SteppedFixtures.runEngine(d, x, 1);
                assertEquals(0, SteppedFixtures.maxDifference(pooled, SteppedFixtures.runGraph(g, x, SteppedFixtures.STEP,
                        "pool")), 1e-12, what + ": the pooled sums");
                assertTrue(SteppedFixtures.count(pooled) > 0, what + ": nothing reached the pooling");
                for (int l : new int[] {0, 2}) {
                    String name = d.populations().get(l + 1).name();
                    double[][] engine = SteppedFixtures.runEngine(d, x, l);
                    assertEquals(0, SteppedFixtures.maxDifference(engine, SteppedFixtures.runGraph(g, x,
                            SteppedFixtures.STEP, name)), what + ", layer " + name);
                    assertTrue(SteppedFixtures.count(engine) > 0, what + ": layer " + name + " stayed silent");
                }
            }
        }
    }

    @Test
    void aPoolingWithoutNeuronsIsAnIdentityScaleMarkedPassThrough() {
        NirGraph g = NirExport.export(withoutPoolNeurons(network(1, new Neuron.FilteredLif(2, 5, 1), 2, 0.75)));
        NirNode pool = g.node("pool");
        assertEquals("Scale", pool.type());
        assertEquals(NirNames.PASS_THROUGH, pool.metadata().get(NirNames.NEURON));
        assertEquals(18, pool.require("scale").values().length);
        for (double v : pool.require("scale").values()) {
            assertEquals(1.0, v, 0);
        }
        assertEquals(List.of("pool.scale"), g.sources("pool"));
        assertEquals(List.of("out.flatten"), g.targets("pool"));
    }

    @Test
    void importGivesAPoolingWithoutNeuronsBack() {
        for (NetworkDescription withNeurons : networks(5)) {
            if (!importable(withNeurons)) {
                continue;
            }
            assertImportGivesItBack(withoutPoolNeurons(withNeurons), 96); // "pool" must come back as PassThrough
        }
    }

    @Test
    void aPassThroughMarkOnAScaleThatScalesIsAOneLineError() {
        NirGraph g = NirExport.export(withoutPoolNeurons(network(1, new Neuron.Lif(4, 1, Reset.ZERO), 1, 1)));
        java.util.Map<String, NirNode> nodes = new java.util.LinkedHashMap<>(g.nodes());
        NirNode pool = nodes.get("pool");
        nodes.put("pool", new NirNode("pool", "Scale", java.util.Map.of("scale", NirTensor.filled(18, 2)), pool.metadata()));
        NirGraph bad = new NirGraph(g.version(), nodes, g.edges(), g.metadata());
        NirException e = org.junit.jupiter.api.Assertions.assertThrows(NirException.class,
                () -> NirImport.toDescription(bad, NirImport.Options.fromGraph()));
        assertTrue(e.getMessage().contains("'pool'") && e.getMessage().contains("pass_through"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static List<Integer> shape(NirTensor t) {
        List<Integer> out = new ArrayList<>();
        for (int s : t.shape()) {
            out.add(s);
        }
        return out;
    }

    private static List<Integer> values(NirTensor t) {
        List<Integer> out = new ArrayList<>();
        for (double v : t.values()) {
            out.add((int) v);
        }
        return out;
    }

    @Test
    void h5pyReadsTheSpatialNodesAndShapes() throws Exception {
        String python = NirPythonReadBackTest.python();
        assumeTrue(python != null, "no python3 with h5py (apt-get install python3-h5py); skipping the independent read-back");
        Path file = tmp.resolve("conv.nir");
        NirFile.write(NirExport.export(network(2, new Neuron.FilteredLif(2, 5, 1), 2, 0.75)), file);
        Path script = tmp.resolve("read.py");
        Files.writeString(script, NirPythonReadBackTest.SCRIPT);
        Process p = new ProcessBuilder(python, script.toString(), file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), text);
        JsonNode nodes = Json.parse(text).get("nodes");
        JsonNode conv = nodes.get("conv.conv");
        assertEquals("Conv2d", conv.get("type").asString());
        assertEquals("[2,1,3,3]", conv.get("weight").get("shape").toString());
        assertEquals("int64", conv.get("stride").get("dtype").asString());
        assertEquals("[1,1]", conv.get("stride").get("values").toString());
        assertEquals("[0,0]", conv.get("padding").get("values").toString());
        assertEquals("[1,1]", conv.get("dilation").get("values").toString());
        assertEquals("[1]", conv.get("groups").get("values").toString());
        assertEquals("[8,8]", conv.get("input_shape").get("values").toString());
        assertEquals("[2]", conv.get("bias").get("shape").toString());
        assertEquals("SumPool2d", nodes.get("pool.pool").get("type").asString());
        assertEquals("[2,2]", nodes.get("pool.pool").get("stride").get("values").toString());
        assertEquals("Scale", nodes.get("pool.scale").get("type").asString());
        assertEquals("Flatten", nodes.get("out.flatten").get("type").asString());
        assertEquals("[2,3,3]", nodes.get("out.flatten").get("input_type").get("values").toString());
        assertEquals("[1,8,8]", nodes.get("input").get("shape").get("values").toString());
        JsonNode conv1 = nodes.get("conv");
        assertEquals("CubaLIF", conv1.get("type").asString());
        assertEquals("filtered_lif", conv1.get("metadata").get("delaynet.neuron").asString());
    }
}
