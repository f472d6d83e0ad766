package io.delaynet.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.cli.Main;
import io.delaynet.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DelGradBenchTest {

    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {String.valueOf(status), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void jsonHoldsEveryFigureAndNoOutsideRatio() {
        String dir = System.getProperty("delaynet.shared.data");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "mnist")), "reference data not found");
        String[] r = run("bench", "delgrad", "--data-dir", dir, "--epochs", "1", "--warmup", "0",
                "--mnist-samples", "20", "--mnist-passes", "1", "--mnist16-config", "../examples/mnist-delgrad-16x16.yaml",
                "--synaptic-config", "../examples/mnist-delgrad-synaptic.yaml", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode o = Json.parse(r[1]);
        for (String key : List.of("yinyang_s_per_epoch_1t", "yinyang_s_per_epoch_2t", "baseline_s_per_epoch",
                "yinyang_reuse_roots_s_per_epoch_1t", "yinyang_reuse_roots_s_per_epoch_2t",
                "mnist16_s_per_epoch_2t", "mnist_synaptic_s_per_epoch_2t")) {
            assertTrue(o.has(key) && o.get(key).asDouble() > 0, key + " in " + r[1]);
        }
    }

    @Test
    void tablePrintsRatiosOnlyAgainstTheBaselineOfTheSameRun() {
        String[] r = run("bench", "delgrad", "--epochs", "1", "--warmup", "0", "--no-mnist");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("x baseline"), r[1]);
        assertFalse(r[1].contains("published") || r[1].contains("PyTorch"), r[1]);
    }

    @Test
    void aMissingConfigIsAOneLineUsageError() {
        String[] r = run("bench", "delgrad", "--mnist16-config", "/no/such.yaml");
        assertEquals("2", r[0]);
        assertTrue(r[2].strip().startsWith("delaynet: bench config /no/such.yaml not found"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }
}
