package io.delaynet.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.cli.Main;
import io.delaynet.config.ConfigTree;
import io.delaynet.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code bench na}: times the network of examples/mnist-na-cnn.yaml, prints both epochs and their ratio. */
class NaBenchCommandTest {

    @Test
    void theBenchmarkedNetworkIsTheExample() {
        Path example = Path.of(System.getProperty("user.dir")).resolve("../examples/mnist-na-cnn.yaml");
        assertEquals(ConfigTree.read(example), ConfigTree.resource(NaBenchCommand.class, NaBenchCommand.CONFIG),
                "delaynet-cli/src/main/resources/io/delaynet/cli/bench/na-cnn.yaml must equal the example");
    }

    @Test
    void missingDataDirectoryIsAOneLineUsageError() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run("bench", "na", "--data-dir", "/no/such/folder");
        } finally {
            System.setErr(saved);
        }
        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void smallRunPrintsBothEpochTimesAsJson() {
        String dir = System.getProperty("delaynet.shared.data");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "mnist")), "reference data not found");
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run("bench", "na", "--data-dir", dir, "--samples", "4", "--threads", "1",
                    "--set", "training.batch_size=2", "--json");
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8).strip();
        assertEquals(0, status, text);
        JsonNode json = Json.parse(text);
        double na = json.get("na_s_per_epoch").asDouble();
        double surrogate = json.get("surrogate_s_per_epoch").asDouble();
        assertTrue(na > 0 && surrogate > 0, text);
        assertEquals(na / surrogate, json.get("ratio").asDouble(), 1e-4 * na / surrogate, text);
        assertEquals(5, json.get("steps").asInt(), text);
    }
}
