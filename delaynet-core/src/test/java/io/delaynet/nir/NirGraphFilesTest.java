package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, running and re-writing NIR files other frameworks wrote; the one-line errors. */
class NirGraphFilesTest {
    @TempDir
    Path tmp;

    /** The paper's Braille network (snnTorch): Affine, CubaLIF with a recurrent Affine, Affine, CubaLIF. */
    @Test
    void brailleRecurrentNetworkReadsRunsAndRewritesToAnEquivalentGraph() {
        NirGraph graph = NirFile.read(NirReference.dir().resolve("braille_noDelay_bias_zero.nir"));
        assertEquals("CubaLIF", graph.node("lif1.lif").type());
        assertArrayEquals(new int[] {38, 38}, graph.node("lif1.w_rec").require("weight").shape());
        assertArrayEquals(new int[] {38, 12}, graph.node("fc1").require("weight").shape());
        assertEquals(7, graph.edges().size());

        Path copy = tmp.resolve("braille.nir");
        NirFile.write(graph, copy);
        NirGraph again = NirFile.read(copy);
        assertEquals(graph.nodes(), again.nodes());
        assertEquals(Set(graph.edges()), Set(again.edges()));

        // Euler at 0.1 ms is the discretisation snnTorch trained with (alpha = 1 - dt / tau_syn).
        NirSimulation.Options options = new NirSimulation.Options(1e-4, NirSimulation.Integration.EULER,
                NirSimulation.Reset.NIR);
        double[][] a = run(graph, options, 300);
        double[][] b = run(again, options, 300);
        assertTrue(java.util.Arrays.deepEquals(a, b));
        int spikes = 0;
        for (double[] row : a) {
            for (double v : row) {
                spikes += v != 0 ? 1 : 0;
            }
        }
        assertTrue(spikes > 0, "the output layer never spiked");
    }

    @Test
    void recurrentEdgeCarriesThePreviousStep() {
        // in -> lif (threshold 0.5, r = 1, huge tau: an integrator); lif -> rec (weight 10) -> lif.
        NirNode in = new NirNode("in", "Input", Map.of("shape", NirTensor.vector(1)));
        NirNode lif = new NirNode("lif", "LIF", Map.of("tau", NirTensor.vector(1e9), "v_threshold",
                NirTensor.vector(0.5), "r", NirTensor.vector(1), "v_leak", NirTensor.vector(0)));
        NirNode rec = new NirNode("rec", "Linear", Map.of("weight", NirTensor.matrix(1, 1, new double[] {1e13})));
        NirNode out = new NirNode("out", "Output", Map.of("shape", NirTensor.vector(1)));
        NirGraph g = NirGraph.of(List.of(in, lif, rec, out), List.of(new NirGraph.Edge("in", "lif"),
                new NirGraph.Edge("lif", "rec"), new NirGraph.Edge("rec", "lif"), new NirGraph.Edge("lif", "out")), Map.of());
        NirSimulation sim = NirSimulation.build(g, NirSimulation.Options.exact(1e-3));
        double[] drive = {1e12, 0, 0, 0};
        double[] spikes = new double[drive.length];
        for (int t = 0; t < drive.length; t++) {
            sim.step(new double[] {drive[t]});
            spikes[t] = sim.outputs()[0];
        }
        // Step 0 spikes on the drive; its spike comes back through rec one step later, and so on.
        assertArrayEquals(new double[] {1, 1, 1, 1}, spikes);
        sim.clear();
        sim.step(new double[] {0});
        assertEquals(0, sim.outputs()[0]);
    }

    @Test
    void twoLifNeuronsRun() {
        NirGraph graph = NirFile.read(NirReference.dir().resolve("two_lif_neurons.nir"));
        NirSimulation sim = NirSimulation.build(graph, NirSimulation.Options.exact(1e-4));
        int spikes = 0;
        for (int t = 0; t < 1000; t++) {
            sim.step(new double[] {0});
            spikes += sim.output("lif1")[0] != 0 ? 1 : 0;
        }
        // v_leak 1.2 above a threshold of 1 with tau 10 ms: one spike per tau * ln(1.2 / 0.2) = 17.9 ms.
        assertEquals(5, spikes);
    }

    @Test
    void unsupportedNodeIsAOneLineErrorNamingIt() {
        NirNode in = new NirNode("in", "Input", Map.of("shape", NirTensor.vector(4)));
        NirNode conv = new NirNode("conv1", "Conv2d", Map.of("weight", NirTensor.vector(1, 2, 3, 4)));
        NirNode out = new NirNode("out", "Output", Map.of("shape", NirTensor.vector(4)));
        NirGraph g = NirGraph.of(List.of(in, conv, out), List.of(new NirGraph.Edge("in", "conv1"),
                new NirGraph.Edge("conv1", "out")), Map.of());
        Path file = tmp.resolve("conv.nir");
        NirFile.write(g, file);
        NirException e = assertThrows(NirException.class,
                () -> NirSimulation.build(NirFile.read(file), NirSimulation.Options.exact(1e-3)));
        assertTrue(e.getMessage().contains("'conv1'") && e.getMessage().contains("Conv2d"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        // Conv2d runs now (its weight above is malformed: rank 1); Conv1d is a type delaynet does not simulate.
        NirNode conv1d = new NirNode("conv1", "Conv1d", Map.of("weight", new NirTensor(new double[4], new int[] {1, 1, 4})));
        NirGraph g1 = NirGraph.of(List.of(in, conv1d, out), g.edges(), Map.of());
        NirFile.write(g1, file);
        e = assertThrows(NirException.class, () -> NirSimulation.build(NirFile.read(file), NirSimulation.Options.exact(1e-3)));
        assertTrue(e.getMessage().contains("'conv1'") && e.getMessage().contains("Conv1d")
                && e.getMessage().contains("does not simulate") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void malformedFilesAreOneLineErrors() throws Exception {
        Path junk = tmp.resolve("junk.nir");
        Files.writeString(junk, "not hdf5");
        NirException e = assertThrows(NirException.class, () -> NirFile.read(junk));
        assertTrue(e.getMessage().contains("junk.nir") && !e.getMessage().contains("\n"), e.getMessage());
        assertThrows(NirException.class, () -> NirFile.read(tmp.resolve("missing.nir")));

        NirNode in = new NirNode("in", "Input", Map.of("shape", NirTensor.vector(2)));
        NirNode lin = new NirNode("fc", "Linear", Map.of("weight", NirTensor.matrix(1, 3, new double[3])));
        NirNode out = new NirNode("out", "Output", Map.of());
        NirGraph g = NirGraph.of(List.of(in, lin, out), List.of(new NirGraph.Edge("in", "fc"),
                new NirGraph.Edge("fc", "out")), Map.of());
        NirException shape = assertThrows(NirException.class, () -> NirSimulation.build(g, NirSimulation.Options.exact(1e-3)));
        assertTrue(shape.getMessage().contains("'fc'") && shape.getMessage().contains("3 inputs"), shape.getMessage());
        NirException lif = assertThrows(NirException.class, () -> new NirNode("n", "LIF", Map.of()).require("tau"));
        assertTrue(lif.getMessage().contains("'n'") && lif.getMessage().contains("tau"), lif.getMessage());
    }

    private static java.util.Set<NirGraph.Edge> Set(List<NirGraph.Edge> edges) {
        return new java.util.HashSet<>(edges);
    }

    private static double[][] run(NirGraph graph, NirSimulation.Options options, int steps) {
        NirSimulation sim = NirSimulation.build(graph, options);
        SplittableRandom random = new SplittableRandom(7);
        double[][] out = new double[steps][];
        for (int t = 0; t < steps; t++) {
            double[] x = new double[sim.inputSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble() < 0.2 ? 1 : 0;
            }
            sim.step(x);
            out[t] = sim.outputs();
        }
        return out;
    }
}
