package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.model.NetworkDescription;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-synapse delays as a lag bank (one Delay -> Linear path per whole-step lag), the expansion
 * written when the one-hot fan-out would be too big (MNIST's 784-800 layer): run with NIR's
 * equations it computes what the engine does, and import merges the paths back into the
 * projection.
 */
class NirLagBankTest {
    @TempDir
    Path tmp;

    private NirGraph written(NirGraph g, String name) {
        Path file = tmp.resolve(name + ".nir");
        NirFile.write(g, file);
        return NirFile.read(file);
    }

    @Test
    void wholeStepSrmLayersAsLagBanksSpikeAsTheEngineAndComeBackExactly() {
        for (long seed = 1; seed <= 3; seed++) {
            NetworkDescription d = SteppedFixtures.srm(seed, true);
            NirGraph g = written(NirExport.export(d, 0), "srm" + seed);
            assertTrue(g.nodes().keySet().stream().noneMatch(n -> n.endsWith(".fanout")), "a fan-out was written");
            assertTrue(g.nodes().containsKey("hidden.lag0.delay"), "no lag 0 in " + g.nodes().keySet());
            assertEquals("synaptic_lag", g.node("hidden.lag0.delay").metadata().get(NirNames.DELAY_KIND));
            assertArrayEquals(new int[] {8, 6}, g.node("hidden.lag0.weight").require("weight").shape());
            double[][] x = SteppedFixtures.input(seed + 50, 40, 6, 0.3);
            for (int l = 0; l < 2; l++) {
                String name = d.populations().get(l + 1).name();
                assertEquals(0, SteppedFixtures.maxDifference(SteppedFixtures.runEngine(d, x, l),
                        SteppedFixtures.runGraph(g, x, SteppedFixtures.STEP, name)), "seed " + seed + ", layer " + name);
            }
            NetworkDescription back = NirImport.toDescription(g, NirImport.Options.fromGraph());
            for (Connection a : d.connections()) {
                Connection b = back.connections().stream().filter(c -> c.name().equals(a.name())).findFirst().orElseThrow();
                assertEquals(a.kind(), b.kind(), a.name());
                assertEquals(a.recurrent(), b.recurrent(), a.name());
                assertEquals(a.realisation(), b.realisation(), a.name());
                assertArrayEquals(a.weights(), b.weights(), a.name());
                double[] expected = a.delays().clone();
                for (int e = 0; e < expected.length; e++) {
                    expected[e] = NirExport.effective(a.realisation(), expected[e]);
                }
                assertArrayEquals(expected, b.delays(), 1e-12, a.name());
            }
            assertEquals(0, SteppedFixtures.maxDifference(SteppedFixtures.runEngine(d, x), SteppedFixtures.runEngine(back, x)));
        }
    }

    @Test
    void fractionalDelaysSplitOverTwoLagsAsTheEnginesLinearRealisation() {
        for (long seed = 1; seed <= 3; seed++) {
            NetworkDescription d = SteppedFixtures.recurrentSynaptic(seed);
            NirGraph g = written(NirExport.export(d, 0), "rec" + seed);
            double[][] x = SteppedFixtures.input(seed + 60, 40, 6, 0.3);
            double[][] engine = SteppedFixtures.runEngine(d, x);
            double diff = SteppedFixtures.maxDifference(engine, SteppedFixtures.runGraph(g, x, SteppedFixtures.STEP));
            assertTrue(diff < 1e-9, "seed " + seed + ": read-out differs by " + diff);
            assertTrue(SteppedFixtures.maxDifference(engine, new double[40][3]) > 0.1, "the read-out stayed silent");
            NetworkDescription back = NirImport.toDescription(g, NirImport.Options.fromGraph());
            for (Connection a : d.connections()) {
                Connection b = back.connections().stream().filter(c -> c.name().equals(a.name())).findFirst().orElseThrow();
                assertEquals(a.kind(), b.kind(), a.name());
                assertArrayEquals(a.weights(), b.weights(), 1e-12, a.name());
                if (a.kind() == DelayKind.SYNAPTIC) {
                    assertArrayEquals(a.delays(), b.delays(), 1e-9, a.name());
                }
            }
            double back2 = SteppedFixtures.maxDifference(engine, SteppedFixtures.runEngine(back, x));
            assertTrue(back2 < 1e-9, "seed " + seed + ": imported read-out differs by " + back2);
        }
    }

    @Test
    void theFanOutIsWrittenUpToTheLimitAndTheLagBankBeyondIt() {
        NetworkDescription d = SteppedFixtures.recurrentSynaptic(1);
        assertTrue(NirExport.export(d).nodes().containsKey("hidden.fanout"));
        assertEquals(6L * 7 * 6 + 6 * 7 + 7L * 6 * 7, NirLagBank.fanoutValues(6, 7));
        NirGraph limited = NirExport.export(d, NirLagBank.fanoutValues(6, 7));
        assertTrue(limited.nodes().containsKey("hidden.fanout"), "the 6 x 7 layer, at the limit, keeps its fan-out");
        assertTrue(limited.nodes().keySet().stream().anyMatch(n -> n.startsWith("hidden.recurrent.lag")),
                "no lag bank for the 7 x 7 recurrent layer, over the limit");
        assertTrue(!limited.nodes().containsKey("hidden.recurrent.fanout"));
        // MNIST's delay-only hidden layer: a billion fan-out values, far over the limit.
        assertTrue(NirLagBank.fanoutValues(784, 800) > NirExport.FANOUT_LIMIT);
    }
}
