package io.delaynet.cli.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

    /** Runs the command line, returning its exit status and what it printed on standard output. */
    private static synchronized Object[] run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            int status = Main.run(args);
            return new Object[] {status, out.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void printsAndSavesTheMeasuredTableOfEveryDelayElement(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("table.csv");
        Object[] r = run("chip", "calibrate", "-c", Path.of("..", "examples", "yinyang-chip-axonal.yaml").toString(),
                "--set", "chip.repeats=4", "--out", csv.toString());
        String out = (String) r[1];
        assertEquals(0, r[0], out);
        assertTrue(out.contains("delay calibration of yinyang-chip-axonal on the emulated backend, chip 1"), out);
        assertTrue(out.contains("layer 0 (axonal, 20 delay elements): offset mean"), out);
        assertTrue(out.contains("layer 1 (axonal, 30 delay elements): offset mean"), out);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("layer,kind,pre,post,requested,measured,offset,standard_error,runs", rows.get(0));
        assertEquals(1 + 20 + 30, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double requested = Double.parseDouble(f[4]);
            double measured = Double.parseDouble(f[5]);
            assertTrue(requested >= 2.0 && requested <= 3.5, row);
            assertTrue(Math.abs(measured - requested) < 0.3, "offsets of a few 0.05 tau_s: " + row);
        }
    }

    @Test
    void aNetworkWithoutDelaysOrAnotherMethodIsAUserError(@TempDir Path tmp) throws Exception {
        assertEquals(2, run("chip", "calibrate", "-c", Path.of("..", "examples", "yinyang-chip-weights-only.yaml")
                .toString(), "--out", tmp.resolve("t.csv").toString())[0]);
        Path plain = tmp.resolve("plain.yaml");
        Files.writeString(plain, "method: delgrad\n");
        assertEquals(2, run("chip", "calibrate", "-c", plain.toString())[0]);
    }
}
