package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.event.EventDescriptions;
import io.delaynet.event.EventNetwork;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.TimeBase;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An event-driven (DelGrad) network exported to NIR and run on a fine grid with Dirac spikes gives
 * the exact engine's output spike times within a few grid steps, and the same earliest-spiking
 * output neuron.
 */
class NirEventExportTest {
    private static final double UNIT = 5e-3; // tau_s in seconds
    private static final double GRID = 1e-3; // grid step in units of tau_s

    private static NetworkDescription network(long seed, double tauRatio) {
        SplittableRandom r = new SplittableRandom(seed);
        Neuron lif = new Neuron.FirstSpikeLif(1.0, tauRatio, 1.0);
        List<Population> pops = List.of(new Population("input", 4, new Neuron.Source()),
                new Population("layer1", 6, lif), new Population("layer2", 3, lif));
        List<Connection> cons = List.of(
                new Connection("layer1", "input", "layer1", 4, 6, SteppedFixtures.uniform(r, 24, -0.5, 2.5),
                        DelayKind.SYNAPTIC, SteppedFixtures.uniform(r, 24, 0, 0.6), new DelayRealisation.Exact(), false),
                new Connection("layer2", "layer1", "layer2", 6, 3, SteppedFixtures.uniform(r, 18, -0.3, 2.0),
                        DelayKind.AXONAL, SteppedFixtures.uniform(r, 6, 0, 0.6), new DelayRealisation.Exact(), false));
        return new NetworkDescription(TimeBase.continuous(UNIT), 0, pops, cons, "input", "layer2",
                EventDescriptions.DECISION);
    }

    @Test
    void fineGridRunMatchesTheExactEngine() {
        int samples = 0;
        int agree = 0;
        double worst = 0;
        for (long seed = 1; seed <= 4; seed++) {
            double tauRatio = seed % 2 == 0 ? 1.0 : 2.0;
            NetworkDescription d = network(seed, tauRatio);
            EventNetwork engine = EventDescriptions.build(d);
            NirGraph g = NirExport.export(d);
            assertEquals("CubaLIF", g.node("layer1").type());
            assertEquals("true", g.node("layer1").metadata().get(NirNames.FIRST_SPIKE));
            NirSimulation sim = NirSimulation.build(g, new NirSimulation.Options(GRID * UNIT,
                    NirSimulation.Integration.EXACT, NirSimulation.Reset.NIR, NirSimulation.Spikes.DIRAC));
            SplittableRandom r = new SplittableRandom(seed + 100);
            for (int s = 0; s < 5; s++) {
                double[] in = SteppedFixtures.uniform(r, 4, 0, 1.5);
                double[] exact = engine.forward(in, engine.newTrace()).clone();
                double[] grid = firstSpikes(sim, in, 8.0);
                for (int j = 0; j < exact.length; j++) {
                    if (Double.isFinite(exact[j]) || Double.isFinite(grid[j])) {
                        worst = Math.max(worst, Math.abs(exact[j] - grid[j]));
                    }
                }
                int a = argmin(exact);
                if (a >= 0) {
                    samples++;
                    agree += a == argmin(grid) ? 1 : 0;
                }
            }
        }
        assertTrue(samples >= 10, "only " + samples + " samples had an output spike");
        assertEquals(samples, agree, "the earliest output differs");
        // A grid of 1e-3 tau_s: inputs are placed at their step's start, crossings seen at its end.
        assertTrue(worst < 0.005, "output spike times differ by up to " + worst + " tau_s");
        System.out.println("event-driven export on a grid of " + GRID + " tau_s: " + samples
                + " samples, same earliest output in all, spike times within " + worst + " tau_s");
    }

    /** Output first-spike times (units) of the graph on a grid; +inf for silent neurons. */
    private static double[] firstSpikes(NirSimulation sim, double[] inputTimes, double window) {
        sim.clear();
        int steps = (int) Math.round(window / GRID);
        double[] first = new double[sim.outputSize()];
        java.util.Arrays.fill(first, Double.POSITIVE_INFINITY);
        double[] x = new double[inputTimes.length];
        double dirac = 1 / (GRID * UNIT);
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (int) Math.floor(inputTimes[i] / GRID) == t ? dirac : 0;
            }
            sim.step(x);
            double[] out = sim.outputs();
            for (int j = 0; j < out.length; j++) {
                if (out[j] != 0 && first[j] == Double.POSITIVE_INFINITY) {
                    first[j] = (t + 1) * GRID;
                }
            }
        }
        return first;
    }

    private static int argmin(double[] t) {
        int best = -1;
        for (int j = 0; j < t.length; j++) {
            if (Double.isFinite(t[j]) && (best < 0 || t[j] < t[best])) {
                best = j;
            }
        }
        return best;
    }

    @Test
    void importGivesTheEventNetworkBackWithTheSameSpikeTimes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        for (long seed = 1; seed <= 2; seed++) {
            NetworkDescription d = network(seed, seed == 1 ? 2.0 : 1.0);
            java.nio.file.Path file = tmp.resolve("event" + seed + ".nir");
            NirFile.write(NirExport.export(d), file);
            NetworkDescription back = NirImport.read(file, NirImport.Options.fromGraph());
            assertTrue(back.time().isContinuous());
            assertEquals(UNIT, back.time().unitSeconds());
            assertEquals(EventDescriptions.DECISION, back.decision());
            assertEquals(d.populations(), back.populations());
            for (Connection a : d.connections()) {
                Connection b = back.connectionsInto(a.to()).get(0);
                assertEquals(a.kind(), b.kind());
                assertEquals(new DelayRealisation.Exact(), b.realisation());
                org.junit.jupiter.api.Assertions.assertArrayEquals(a.weights(), b.weights(), a.name());
                org.junit.jupiter.api.Assertions.assertArrayEquals(a.delays(), b.delays(), 1e-12, a.name());
            }
            EventNetwork before = EventDescriptions.build(d);
            EventNetwork after = EventDescriptions.build(back);
            SplittableRandom r = new SplittableRandom(seed + 200);
            for (int s = 0; s < 10; s++) {
                double[] in = SteppedFixtures.uniform(r, 4, 0, 1.5);
                double[] x = before.forward(in, before.newTrace()).clone();
                double[] y = after.forward(in, after.newTrace()).clone();
                for (int j = 0; j < x.length; j++) {
                    assertTrue(x[j] == y[j] || Math.abs(x[j] - y[j]) <= 1e-9, "sample " + s + ": " + x[j] + " vs " + y[j]);
                }
            }
        }
    }

    @Test
    void aCubaLifWithoutTheFirstSpikeMarkInAnEventExportIsAOneLineError() {
        NirGraph g = NirExport.export(network(1, 2.0));
        java.util.Map<String, NirNode> nodes = new java.util.LinkedHashMap<>(g.nodes());
        NirNode n = nodes.get("layer2");
        nodes.put("layer2", new NirNode("layer2", "CubaLIF", n.parameters()));
        NirGraph bad = new NirGraph(g.version(), nodes, g.edges(), g.metadata());
        NirException e = assertThrows(NirException.class, () -> NirImport.toDescription(bad, NirImport.Options.fromGraph()));
        assertTrue(e.getMessage().contains("'layer2'") && e.getMessage().contains("first-spike"), e.getMessage());
    }
}
