package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.io.Json;
import io.delaynet.nir.NirFile;
import io.delaynet.nir.NirGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A trained time-stepped model (recurrent CubaLIF, per-synapse and axonal delays, MNIST subset)
 * exported to NIR and imported again evaluates exactly like the original.
 */
class NirExportImportTest {
    @TempDir
    Path tmp;

    private static final String CONFIG = """
            method: stepped
            data: {dataset: mnist, train_limit: 64, eval_limit: 48, validation_size: 48}
            network:
              hidden: [12]
              recurrent: true
              neuron: {model: cuba_lif, threshold: 1.0}
              delays: {kind: synaptic, forward: linear}
              recurrent_delays: {kind: axonal, forward: integer, rounding: floor}
            training: {epochs: 1, threads: 1, seed: 4}
            """;

    @Test
    void exportedAndImportedModelEvaluatesLikeTheOriginal() throws Exception {
        String data = System.getProperty("delaynet.shared.data");
        assumeTrue(data != null && Files.isDirectory(Path.of(data).resolve("mnist")), "MNIST not available");
        Path config = tmp.resolve("small.yaml");
        Files.writeString(config, CONFIG);
        Path run = tmp.resolve("run");
        Cli.Result train = Cli.run("train", "--config", config, "--out", run, "--progress", "none", "--no-report",
                "--data-dir", data);
        assertEquals(0, train.status(), train.err());

        Path nir = tmp.resolve("model.nir");
        Cli.Result export = Cli.run("export", "--model", run, "--format", "nir", "--out", nir);
        assertEquals(0, export.status(), export.err());
        NirGraph g = NirFile.read(nir);
        assertEquals("CubaLIF", g.node("layer1").type());
        assertEquals("Delay", g.node("layer1.delay").type());
        assertEquals("Delay", g.node("layer1.recurrent.delay").type());

        Path imported = tmp.resolve("imported");
        Cli.Result in = Cli.run("import", nir, "--out", imported);
        assertEquals(0, in.status(), in.err());

        JsonNode before = Json.parse(Cli.run("eval", "--model", run, "--split", "test", "--json", "--data-dir", data).out());
        JsonNode after = Json.parse(Cli.run("eval", "--model", imported, "--split", "test", "--json", "--data-dir", data).out());
        assertEquals(before.get("correct").asInt(), after.get("correct").asInt());
        assertEquals(before.get("samples").asInt(), after.get("samples").asInt());
        assertEquals(before.get("loss").asDouble(), after.get("loss").asDouble(), 1e-9);
        assertTrue(before.get("samples").asInt() > 0);
    }

    @Test
    void foreignGraphImportsAsANetworkDescriptionAndBadFilesAreOneLineErrors() throws Exception {
        String data = System.getProperty("delaynet.shared.data");
        assumeTrue(data != null && Files.isDirectory(Path.of(data).resolve("nir")), "NIR files not available");
        Path out = tmp.resolve("norse");
        Cli.Result r = Cli.run("import", Path.of(data).resolve("nir/lif_norse.nir"), "--out", out, "--dt", "1e-4",
                "--window", "1000");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("network.json")));

        Cli.Result braille = Cli.run("import", Path.of(data).resolve("nir/braille_noDelay_bias_zero.nir"), "--out",
                tmp.resolve("b"), "--dt", "1e-4", "--window", "100");
        assertEquals(2, braille.status());
        assertTrue(braille.errLines().contains("bias") && braille.errLines().strip().lines().count() == 1, braille.err());
    }
}
