package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.io.Json;
import io.delaynet.io.ModelFile;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What a finished run's model reproduces and reveals after training. */
class EvalAndInspectTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void train() throws Exception {
        run = SmallRuns.train(dir, "run", 3);
    }

    @Test
    void evalReproducesTheRecordedTestAccuracyExactly() throws Exception {
        JsonNode summary = Json.parse(java.nio.file.Files.readString(run.resolve("summary.json")));
        Cli.Result r = Cli.run("eval", "--model", run.resolve("model.json"), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode eval = Json.parse(r.out());
        assertEquals(summary.path("test_accuracy").asDouble(), eval.path("accuracy").asDouble());
        assertEquals(summary.path("test_loss").asDouble(), eval.path("loss").asDouble());
        assertEquals(eval.path("correct").asInt() / (double) eval.path("samples").asInt(), eval.path("accuracy").asDouble());

        Cli.Result text = Cli.run("eval", "--model", run, "--split", "validation");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().startsWith(String.format(Locale.ROOT, "validation accuracy %.2f %% (",
                100 * summary.path("validation_accuracy").asDouble())), text.out());
    }

    @Test
    void evalOfAChipRunSaysThatItDrawsFreshTrialNoise() throws Exception {
        Cli.Result plain = Cli.run("eval", "--model", run);
        assertEquals(0, plain.status(), plain.err());
        assertFalse(plain.out().contains("note:"), "a plain run's eval reproduces its figures, nothing to say: " + plain.out());
        assertFalse(Json.parse(Cli.run("eval", "--model", run, "--json").out()).has("note"));

        Path config = java.nio.file.Files.writeString(dir.resolve("chip.yaml"), """
                method: delgrad-chip
                network:
                  layers:
                    - {size: 8, delays: none}
                    - {size: 3, delays: none}
                training: {epochs: 1, threads: 1}
                """);
        Path chip = dir.resolve("chip-run");
        Cli.Result trained = Cli.run("train", "--config", config, "--out", chip, "--progress", "none", "--no-report");
        assertEquals(0, trained.status(), trained.err());
        Cli.Result r = Cli.run("eval", "--model", chip);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\nnote: a chip run: this evaluation draws fresh trial noise (backend.trial)"), r.out());
        JsonNode json = Json.parse(Cli.run("eval", "--model", chip, "--json").out());
        assertTrue(json.path("note").asString().startsWith("a chip run: this evaluation draws fresh trial noise"),
                json.toString());
        // without trial noise the chip is deterministic, and eval says nothing
        Path quiet = dir.resolve("chip-quiet");
        assertEquals(0, Cli.run("train", "--config", config, "--out", quiet, "--progress", "none", "--no-report",
                "--set", "backend.trial.spike_jitter=0", "--set", "backend.trial.threshold=0",
                "--set", "backend.trial.delay_jitter=0").status());
        assertFalse(Cli.run("eval", "--model", quiet).out().contains("note:"));
    }

    @Test
    void inspectWithoutASampleShowsTheNetworkFromTheFileAlone() throws Exception {
        Cli.Result r = Cli.run("inspect", "--model", run, "--data-dir", dir.resolve("no-such-folder-is-needed"));
        assertEquals(2, r.status(), "an explicitly named data folder must exist: " + r.err());
        r = Cli.run("inspect", "--model", run);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("populations") && r.out().contains("first-spike LIF")
                && r.out().contains("input -> layer1"), r.out());
        Cli.Result json = Cli.run("inspect", "--model", run, "--json");
        JsonNode network = Json.parse(json.out()).path("network");
        ModelFile model = ModelFile.read(run.resolve("model.json"));
        assertEquals(model.network().orElseThrow().connections().size(), network.path("projections").size());
        assertEquals(8, network.path("populations").get(1).path("size").asInt());
    }

    @Test
    void inspectPrintsSpikesAndTheGradientOfEveryParameter() throws Exception {
        Cli.Result r = Cli.run("inspect", "--model", run.resolve("model.json"), "--sample", 5, "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = Json.parse(r.out());
        assertEquals("test", doc.path("split").asString());
        assertEquals(5, doc.path("sample").asInt());
        assertEquals(3, doc.path("layers").size(), "input, hidden and output layer");
        assertEquals(8, doc.path("layers").get(1).path("spike_times").size());
        ModelFile model = ModelFile.read(run.resolve("model.json"));
        assertEquals(model.parameters().size(), doc.path("parameters").size());
        for (JsonNode p : doc.path("parameters")) {
            double[] saved = model.parameters().get(p.path("name").asString());
            double[] shown = Json.MAPPER.convertValue(p.path("values"), double[].class);
            assertArrayEquals(saved, shown, "values of " + p.path("name").asString() + " are the model's, exactly");
            assertEquals(saved.length, p.path("gradient").size());
            assertTrue(p.path("layout").asString().contains("post"), p.path("layout").asString());
        }
        assertTrue(doc.path("loss").isNumber());
    }

    @Test
    void inspectTextNamesEveryParameterRow() {
        Cli.Result r = Cli.run("inspect", "--model", run, "--sample", 0, "--split", "train");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("train sample 0 of "), r.out());
        assertTrue(r.out().contains("spike times (τ_s; - = no spike)"), r.out());
        long rows = r.out().lines().filter(l -> l.matches("\\s+layer\\d\\.(weights|delays)\\s+\\d+\\s+\\S+\\s+\\S+")).count();
        assertEquals(4 * 8 + 8 * 3 + 4 * 8 + 8 * 3, rows, "one row per weight and per delay parameter");
    }

    @Test
    void inspectRejectsASampleOutsideTheSplit() {
        Cli.Result r = Cli.run("inspect", "--model", run, "--sample", 1000);
        assertEquals(2, r.status());
        assertEquals("delaynet: sample 1000 is out of range: the test split has 1000 samples; pick --sample from 0 to 999\n",
                r.errLines());
    }
}
