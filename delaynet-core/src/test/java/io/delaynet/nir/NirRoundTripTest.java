package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.model.Connection;
import io.delaynet.model.NetworkDescription;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export, write, read, import: the same network, computing the same outputs in the engine. */
class NirRoundTripTest {
    @TempDir
    Path tmp;

    private NetworkDescription roundTrip(NetworkDescription d, String name) {
        Path file = tmp.resolve(name + ".nir");
        NirFile.write(NirExport.export(d), file);
        return NirImport.read(file, NirImport.Options.fromGraph());
    }

    @Test
    void stepppedNetworksComeBackWithTheirWeightsDelaysAndOutputs() {
        for (long seed = 1; seed <= 2; seed++) {
            for (NetworkDescription d : new NetworkDescription[] {SteppedFixtures.recurrentSynaptic(seed),
                    SteppedFixtures.axonalDendritic(seed)}) {
                NetworkDescription back = roundTrip(d, "net" + seed + d.output());
                assertEquals(d.populations(), back.populations());
                assertEquals(d.window(), back.window());
                assertEquals(d.decision(), back.decision());
                assertEquals(d.time().unitSeconds(), back.time().unitSeconds());
                assertEquals(d.connections().size(), back.connections().size());
                for (int k = 0; k < d.connections().size(); k++) {
                    Connection a = d.connections().get(k);
                    Connection b = back.connections().stream().filter(c -> c.name().equals(a.name())).findFirst().orElseThrow();
                    assertEquals(a.kind(), b.kind(), a.name());
                    assertEquals(a.recurrent(), b.recurrent(), a.name());
                    if (a.kind() != io.delaynet.delay.DelayKind.NONE) {
                        assertEquals(a.realisation(), b.realisation(), a.name());
                    }
                    assertArrayEquals(a.weights(), b.weights(), a.name());
                    double[] expected = a.delays().clone();
                    for (int e = 0; e < expected.length; e++) {
                        expected[e] = NirExport.effective(a.realisation(), expected[e]);
                    }
                    assertArrayEquals(expected, b.delays(), 1e-12, a.name());
                }
                double[][] x = SteppedFixtures.input(seed + 30, 40, d.inputSize(), 0.3);
                double[][] before = SteppedFixtures.runEngine(d, x);
                double[][] after = SteppedFixtures.runEngine(back, x);
                double diff = SteppedFixtures.maxDifference(before, after);
                assertTrue(diff < 1e-12, d.output() + ": outputs differ by " + diff);
            }
        }
    }

    @Test
    void graphsTheEngineCannotRunAreOneLineErrorsNamingTheNode() {
        NirGraph braille = NirFile.read(NirReference.dir().resolve("braille_noDelay_bias_zero.nir"));
        NirException e = assertThrows(NirException.class, () -> NirImport.toDescription(braille,
                new NirImport.Options(java.util.Optional.of(1e-4), java.util.Optional.of(100.0), java.util.Optional.empty())));
        assertTrue(e.getMessage().contains("bias") && e.getMessage().contains("Affine"), e.getMessage());
        NirException noDt = assertThrows(NirException.class,
                () -> NirImport.toDescription(braille, NirImport.Options.fromGraph()));
        assertTrue(noDt.getMessage().contains("--dt"), noDt.getMessage());

        NirGraph norse = NirFile.read(NirReference.dir().resolve("lif_norse.nir"));
        NetworkDescription lif = NirImport.toDescription(norse,
                new NirImport.Options(java.util.Optional.of(1e-4), java.util.Optional.of(1000.0), java.util.Optional.empty()));
        assertEquals(25.0, ((io.delaynet.model.Neuron.Lif) lif.population("1").orElseThrow().neuron()).tauMem(), 1e-5);
        // r = 1 folds into the weight as r (1 - exp(-dt / tau)), the held-input gain.
        assertEquals(-Math.expm1(-0.04), lif.connections().get(0).weights()[0], 1e-9);
    }
}
