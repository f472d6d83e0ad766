package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The SHD example trains end to end from a data folder laid out as the user gets it from the
 * dataset's site ({@code shd/shd_train.h5}, {@code shd/shd_test.h5}): here the reader's tiny HDF5
 * fixtures (three recordings of the 700-channel cochlea model, h5py and PyTables writers), so the
 * path from the files through the online three-factor rule to the run's summary is exercised without
 * the 2.6 GB of real files this machine does not have.
 */
class ShdTrainTest {
    private static final Path FIXTURES = Path.of("..", "delaynet-core", "src", "test", "resources", "shd");

    @TempDir
    Path tmp;

    @Test
    void theShdExampleTrainsFromTheUsersFolder() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("shd"));
        Files.copy(FIXTURES.resolve("h5py_shuffle.h5"), data.resolve("shd").resolve("shd_train.h5"));
        Files.copy(FIXTURES.resolve("pytables_plain.h5"), data.resolve("shd").resolve("shd_test.h5"));
        Path run = tmp.resolve("run");
        Cli.Result r = Cli.run("train", "--config", Path.of("..", "examples", "shd-online-recurrent-synaptic.yaml"),
                "--data-dir", data, "--epochs", 1, "--threads", 1, "--out", run, "--no-report");
        assertEquals(0, r.status(), r.err());
        // three recordings leave none for validation: the lines say so instead of printing NaN
        assertTrue(r.out().contains("no validation samples"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
        JsonNode summary = Json.parse(Files.readString(run.resolve("summary.json")));
        assertEquals("online", summary.get("method").asText());
        // 700 -> 128 recurrent -> 20: weights and synaptic delays on the input and recurrent projections, read-out weights
        assertEquals(2 * 700 * 128 + 2 * 128 * 128 + 128 * 20, summary.get("parameters").asInt());
        double test = summary.get("test_accuracy").asDouble();
        assertTrue(test >= 0 && test <= 1, "test accuracy " + test);
        assertTrue(Files.exists(run.resolve("model.json")), "the trained model is written");
    }

    @Test
    void missingShdFilesSayWhereToPutThem() {
        Cli.Result r = Cli.run("train", "--config", Path.of("..", "examples", "shd-online-recurrent-synaptic.yaml"),
                "--data-dir", tmp, "--epochs", 1, "--out", tmp.resolve("run"), "--no-report");
        assertTrue(r.status() != 0, "a run without the files fails");
        assertTrue(r.errLines().contains("shd_train.h5"), r.errLines());
        assertEquals(1, r.errLines().strip().lines().count(), "one line, no stack trace: " + r.errLines());
    }
}
