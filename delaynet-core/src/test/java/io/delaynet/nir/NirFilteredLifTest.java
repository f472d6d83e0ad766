package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.TimeBase;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Neighbourhood aggregation's filtered LIF as standard NIR nodes: run with NIR's equations (held
 * input, exact integration) every layer spikes at exactly the engine's steps, for each of the
 * forms {@link NirFilteredLif} writes, and import gives the neuron back.
 */
class NirFilteredLifTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    /** (tauSyn, tauMem) pairs covering every form: CubaLIF, LIF, IF, Threshold, LI -> IF, LI -> Threshold. */
    private static final double[][] FORMS = {{2, 5}, {3.5, 2.5}, {1, 5}, {1, INF}, {1, 1}, {2, INF}, {3, 1}};

    @TempDir
    Path tmp;

    /** input(6) -> hidden(8, axonal linear delays, recurrent per-synapse) -> out(3, dendritic whole steps). */
    static NetworkDescription network(long seed, double tauSyn, double tauMem) {
        SplittableRandom r = new SplittableRandom(seed);
        double gain = tauSyn; // the neuron divides its input by tauSyn
        List<Population> pops = List.of(new Population("input", 6, new Neuron.Source()),
                new Population("hidden", 8, new Neuron.FilteredLif(tauSyn, tauMem, 1.0)),
                new Population("out", 3, new Neuron.FilteredLif(tauSyn, tauMem, 0.8)));
        List<Connection> cons = List.of(
                SteppedFixtures.connection(r, "hidden", "input", "hidden", 6, 8, DelayKind.AXONAL,
                        new DelayRealisation.Linear(), false, 1.5 * gain),
                SteppedFixtures.connection(r, "hidden.recurrent", "hidden", "hidden", 8, 8, DelayKind.SYNAPTIC,
                        new DelayRealisation.Linear(), true, 0.4 * gain),
                SteppedFixtures.connection(r, "out", "hidden", "out", 8, 3, DelayKind.DENDRITIC,
                        new DelayRealisation.WholeSteps(false), false, 1.2 * gain));
        return new NetworkDescription(TimeBase.stepped(SteppedFixtures.STEP), 40, pops, cons, "input", "out", "most_spikes");
    }

    @Test
    void everyFormSpikesAtTheEnginesSteps() {
        int spikes = 0;
        for (double[] form : FORMS) {
            for (long seed = 1; seed <= 3; seed++) {
                NetworkDescription d = network(seed, form[0], form[1]);
                double[][] x = SteppedFixtures.input(seed + 40, 40, 6, 0.3);
                Path file = tmp.resolve("f" + seed + "_" + form[0] + "_" + form[1] + ".nir");
                NirFile.write(NirExport.export(d), file);
                NirGraph g = NirFile.read(file);
                String what = "tau_syn " + form[0] + ", tau_mem " + form[1] + ", seed " + seed;
                for (int l = 0; l < 2; l++) {
                    String name = d.populations().get(l + 1).name();
                    double[][] engine = SteppedFixtures.runEngine(d, x, l);
                    double[][] nir = SteppedFixtures.runGraph(g, x, SteppedFixtures.STEP, name);
                    assertEquals(0, SteppedFixtures.maxDifference(engine, nir), what + ", layer " + name);
                    spikes += SteppedFixtures.count(engine);
                    if (l == 1) {
                        assertTrue(SteppedFixtures.count(engine) > 0, what + ": the output layer stayed silent");
                    }
                }
            }
        }
        assertTrue(spikes > 500, "the layers spiked " + spikes + " times");
    }

    @Test
    void theNodesAreTheDocumentedFormsWithTheirDecays() {
        NirGraph g = NirExport.export(network(1, 2, 5));
        NirNode h = g.node("hidden");
        assertEquals("CubaLIF", h.type());
        assertEquals("filtered_lif", h.metadata().get(NirNames.NEURON));
        assertEquals("2.0", h.metadata().get(NirNames.TAU_SYN_STEPS));
        // one step decays the current by 1 - 1/2 and the membrane by 1 - 1/5
        assertEquals(0.5, Math.exp(-1e-3 / h.require("tau_syn").values()[0]), 1e-15);
        assertEquals(0.8, Math.exp(-1e-3 / h.require("tau_mem").values()[0]), 1e-15);
        assertEquals(1, h.require("w_in").values()[0], 1e-12);
        assertEquals(5, h.require("r").values()[0], 1e-12);
        assertEquals(0, h.require("v_reset").values()[0]);
        assertEquals("LIF", NirExport.export(network(1, 1, 5)).node("hidden").type());
        assertEquals("IF", NirExport.export(network(1, 1, INF)).node("hidden").type());
        assertEquals("Threshold", NirExport.export(network(1, 1, 1)).node("hidden").type());
        NirGraph split = NirExport.export(network(1, 3, 1));
        assertEquals("LI", split.node("hidden.current").type());
        assertEquals("Threshold", split.node("hidden").type());
        assertEquals(List.of("hidden.current"), split.targets("hidden.weight"));
        assertEquals(List.of("hidden"), split.targets("hidden.current"));
    }

    @Test
    void importGivesTheFilteredLifNetworkBack() {
        for (double[] form : new double[][] {{2, 5}, {1, 5}, {1, INF}}) {
            NetworkDescription d = network(2, form[0], form[1]);
            Path file = tmp.resolve("rt" + form[0] + "_" + form[1] + ".nir");
            NirFile.write(NirExport.export(d), file);
            NetworkDescription back = NirImport.read(file, NirImport.Options.fromGraph());
            for (int p = 1; p < d.populations().size(); p++) {
                Population a = d.populations().get(p);
                Population b = back.populations().stream().filter(q -> q.name().equals(a.name())).findFirst().orElseThrow();
                assertEquals(a.neuron(), assertInstanceOf(Neuron.FilteredLif.class, b.neuron()));
            }
            for (Connection a : d.connections()) {
                Connection b = back.connections().stream().filter(c -> c.name().equals(a.name())).findFirst().orElseThrow();
                assertArrayEquals(a.weights(), b.weights(), a.name());
            }
            double[][] x = SteppedFixtures.input(78, 40, 6, 0.3);
            double[][] engine = SteppedFixtures.runEngine(d, x);
            assertTrue(SteppedFixtures.count(engine) > 0);
            assertEquals(0, SteppedFixtures.maxDifference(engine, SteppedFixtures.runEngine(back, x)));
        }
    }

    @Test
    void theTwoNodeFormsAreRefusedOnImportInOneLine() {
        NirGraph g = NirExport.export(network(1, 3, 1));
        NirException e = assertThrows(NirException.class, () -> NirImport.toDescription(g, NirImport.Options.fromGraph()));
        assertTrue(e.getMessage().contains("filtered LIF") && e.getMessage().contains("'hidden"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
