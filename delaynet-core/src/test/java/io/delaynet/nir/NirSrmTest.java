package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.model.Connection;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLAYER's SRM as standard NIR nodes (PSP CubaLI, one-step Delay, Threshold, refractory CubaLI
 * loop): run with NIR's equations it spikes exactly where the engine does, and import gives the
 * neuron back.
 */
class NirSrmTest {
    @TempDir
    Path tmp;

    @Test
    void exportedSrmLayersSpikeAtTheEnginesSteps() {
        int spikes = 0;
        for (boolean refractory : new boolean[] {true, false}) {
            for (long seed = 1; seed <= 3; seed++) {
                NetworkDescription d = SteppedFixtures.srm(seed, refractory);
                double[][] x = SteppedFixtures.input(seed + 40, 40, 6, 0.3);
                Path file = tmp.resolve("srm" + seed + refractory + ".nir");
                NirFile.write(NirExport.export(d), file);
                NirGraph g = NirFile.read(file);
                for (int l = 0; l < 2; l++) {
                    String name = d.populations().get(l + 1).name();
                    double[][] engine = SteppedFixtures.runEngine(d, x, l);
                    double[][] nir = SteppedFixtures.runGraph(g, x, SteppedFixtures.STEP, name);
                    assertEquals(0, SteppedFixtures.maxDifference(engine, nir), "seed " + seed + ", layer " + name);
                    spikes += SteppedFixtures.count(engine);
                    if (l == 1) {
                        assertTrue(SteppedFixtures.count(engine) > 0, "seed " + seed + ": the output layer stayed silent");
                    }
                }
            }
        }
        assertTrue(spikes > 50, "the layers spiked " + spikes + " times");
    }

    @Test
    void theGraphHasThePspDelayThresholdAndRefractoryNodes() {
        NetworkDescription d = SteppedFixtures.srm(1, true);
        NirGraph g = NirExport.export(d);
        assertEquals("CubaLI", g.node("hidden.psp").type());
        assertEquals("Delay", g.node("hidden.psp_delay").type());
        assertEquals("Threshold", g.node("hidden").type());
        assertEquals("CubaLI", g.node("hidden.refractory").type());
        assertEquals("srm", g.node("hidden").metadata().get(NirNames.NEURON));
        assertArrayEquals(new double[] {1e-3}, new double[] {g.node("hidden.psp_delay").require("delay").values()[7]});
        assertEquals(3e-3, g.node("hidden.psp").require("tau_syn").values()[0], 1e-18);
        assertEquals(List.of("hidden.psp"), g.targets("hidden.weight"));
        assertTrue(g.edges().contains(new NirGraph.Edge("hidden.refractory", "hidden")));
        assertEquals(List.of("output"), g.targets("out").stream().filter(t -> t.equals("output")).toList());
        assertTrue(NirExport.export(SteppedFixtures.srm(1, false)).nodes().keySet().stream()
                .noneMatch(n -> n.endsWith(".refractory")), "no refractory loop without a refractory response");
        // the whole-step per-synapse delays in seconds
        Connection c = d.connections().get(0);
        assertEquals(Math.floor(c.delay(2, 5)) * 1e-3, g.node("hidden.delay").require("delay").values()[5 * 6 + 2], 1e-15);
    }

    @Test
    void importGivesTheSrmNetworkBack() {
        for (boolean refractory : new boolean[] {true, false}) {
            NetworkDescription d = SteppedFixtures.srm(2, refractory);
            Path file = tmp.resolve("rt" + refractory + ".nir");
            NirFile.write(NirExport.export(d), file);
            NetworkDescription back = NirImport.read(file, NirImport.Options.fromGraph());
            assertEquals(d.populations().size(), back.populations().size());
            for (int p = 0; p < d.populations().size(); p++) {
                var a = d.populations().get(p);
                var b = back.populations().get(p);
                assertEquals(a.name(), b.name());
                assertEquals(a.size(), b.size());
                if (a.neuron() instanceof Neuron.Srm s) {
                    Neuron.Srm t = assertInstanceOf(Neuron.Srm.class, b.neuron());
                    assertEquals(s.tauPsp(), t.tauPsp(), 1e-12);
                    assertEquals(s.threshold(), t.threshold(), 0);
                    assertEquals(s.refractoryScale(), t.refractoryScale(), 1e-12);
                    if (refractory) {
                        assertEquals(s.tauRefractory(), t.tauRefractory(), 1e-12);
                    }
                }
            }
            for (Connection a : d.connections()) {
                Connection b = back.connections().stream().filter(c -> c.name().equals(a.name())).findFirst().orElseThrow();
                assertEquals(a.kind(), b.kind(), a.name());
                assertEquals(a.recurrent(), b.recurrent(), a.name());
                assertArrayEquals(a.weights(), b.weights(), a.name());
                double[] expected = a.delays().clone();
                for (int e = 0; e < expected.length; e++) {
                    expected[e] = NirExport.effective(a.realisation(), expected[e]);
                }
                assertArrayEquals(expected, b.delays(), 1e-12, a.name());
            }
            double[][] x = SteppedFixtures.input(77, 40, 6, 0.3);
            assertEquals(0, SteppedFixtures.maxDifference(SteppedFixtures.runEngine(d, x), SteppedFixtures.runEngine(back, x)));
        }
    }

    @Test
    void aThresholdThatIsNotAnSrmIsAOneLineErrorNamingIt() {
        NirGraph g = NirExport.export(SteppedFixtures.srm(1, true));
        Map<String, NirNode> nodes = new java.util.LinkedHashMap<>(g.nodes());
        NirNode delay = nodes.get("hidden.psp_delay");
        nodes.put(delay.name(), new NirNode(delay.name(), "Delay", Map.of("delay", NirTensor.filled(8, 2e-3))));
        NirGraph bad = new NirGraph(g.version(), nodes, g.edges(), g.metadata());
        NirException e = assertThrows(NirException.class, () -> NirImport.toDescription(bad, NirImport.Options.fromGraph()));
        assertTrue(e.getMessage().contains("'hidden'") && e.getMessage().contains("not one step"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
