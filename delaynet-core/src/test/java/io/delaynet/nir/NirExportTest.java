package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.model.NetworkDescription;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported graph, run by {@link NirSimulation} (NIR's equations, not the engine), computes
 * what the time-stepped engine computes: the check of the neuron and delay mapping.
 */
class NirExportTest {
    @TempDir
    Path tmp;

    @Test
    void recurrentNetworkWithPerSynapseDelaysRunsAsInTheEngine() {
        for (long seed = 1; seed <= 3; seed++) {
            NetworkDescription d = SteppedFixtures.recurrentSynaptic(seed);
            double[][] x = SteppedFixtures.input(seed + 10, 40, 6, 0.3);
            double[][] engine = SteppedFixtures.runEngine(d, x);
            Path file = tmp.resolve("rec" + seed + ".nir");
            NirFile.write(NirExport.export(d), file);
            double[][] nir = SteppedFixtures.runGraph(NirFile.read(file), x, SteppedFixtures.STEP);
            double diff = SteppedFixtures.maxDifference(engine, nir);
            assertTrue(diff < 1e-9, "seed " + seed + ": read-out differs by " + diff);
            assertTrue(SteppedFixtures.maxDifference(engine, new double[40][3]) > 0.1, "the read-out stayed silent");
        }
    }

    @Test
    void axonalDendriticAndWholeStepDelaysRunAsInTheEngine() {
        int spikes = 0;
        for (long seed = 1; seed <= 3; seed++) {
            NetworkDescription d = SteppedFixtures.axonalDendritic(seed);
            double[][] x = SteppedFixtures.input(seed + 20, 40, 5, 0.4);
            NirGraph g = NirExport.export(d);
            for (int l = 0; l < 3; l++) {
                String name = d.populations().get(l + 1).name();
                double[][] engine = SteppedFixtures.runEngine(d, x, l);
                double[][] nir = SteppedFixtures.runGraph(g, x, SteppedFixtures.STEP, name);
                assertEquals(0, SteppedFixtures.maxDifference(engine, nir), "seed " + seed + ", layer " + name);
                spikes += l == 2 ? SteppedFixtures.count(engine) : 0;
            }
        }
        assertTrue(spikes > 5, "the output layers spiked " + spikes + " times");
    }

    @Test
    void graphHasTheNodesShapesAndDelaysOfTheNetwork() {
        NetworkDescription d = SteppedFixtures.recurrentSynaptic(1);
        NirGraph g = NirExport.export(d);
        assertEquals("Input", g.node("input").type());
        assertEquals("CubaLIF", g.node("hidden").type());
        assertEquals("subtract", g.node("hidden").metadata().get(NirNames.RESET));
        assertEquals("LI", g.node("readout").type());
        assertArrayEquals(new int[] {42, 6}, g.node("hidden.fanout").require("weight").shape());
        assertArrayEquals(new int[] {7, 42}, g.node("hidden.weight").require("weight").shape());
        // Per-synapse delays in seconds, channel j * pre + i; the recurrent ones less the cycle's step.
        var c = d.connections().get(0);
        assertEquals(c.delay(2, 5) * SteppedFixtures.STEP, g.node("hidden.delay").require("delay").values()[5 * 6 + 2], 1e-15);
        var rec = d.connections().get(1);
        assertEquals((rec.delay(3, 1) - 1) * SteppedFixtures.STEP,
                g.node("hidden.recurrent.delay").require("delay").values()[1 * 7 + 3], 1e-15);
        assertEquals(8e-3, g.node("hidden").require("tau_mem").values()[0], 1e-18);
    }

    @Test
    void whatNirCannotSayIsAOneLineError() {
        var d = SteppedFixtures.axonalDendritic(1);
        var pops = new java.util.ArrayList<>(d.populations());
        pops.set(1, new io.delaynet.model.Population("h1", 6,
                new io.delaynet.model.Neuron.Lif(5, 0.8, io.delaynet.model.Reset.NONE)));
        var unreset = new NetworkDescription(d.time(), d.window(), pops, d.connections(), d.input(), d.output(), d.decision());
        NirException e = assertThrows(NirException.class, () -> NirExport.export(unreset));
        assertTrue(e.getMessage().contains("h1") && e.getMessage().contains("does not reset"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
