package io.delaynet.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SteppedBenchCommandTest {

    @Test
    void missingDataDirectoryIsAOneLineUsageError() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run("bench", "stepped", "--data-dir", "/no/such/folder");
        } finally {
            System.setErr(saved);
        }
        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.startsWith("delaynet: data folder /no/such/folder (from --data-dir) does not exist"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void smallRunPrintsTimesRatioAndMemory() {
        String dir = System.getProperty("delaynet.shared.data");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "mnist")), "reference data not found");
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run("bench", "stepped", "--data-dir", dir, "--batches", "1", "--baseline-batches", "1",
                    "--threads", "1");
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertTrue(text.contains("sparse engine") && text.contains("dense baseline"), text);
        assertTrue(text.contains("speed-up over the dense baseline"), text);
        assertTrue(text.contains("s per 48000-sample epoch"), text);
        assertTrue(text.contains("peak memory"), text);
    }
}
