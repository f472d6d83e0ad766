package io.delaynet.cli.chip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    @Test
    void writesOneRowPerRunASummaryAndAPlotAndSkipsFinishedRunsWhenStartedAgain(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("tiny-chip.yaml");
        Files.writeString(config, """
                method: delgrad-chip
                network:
                  layers:
                    - {size: 8, delays: none, weights_mean: 1.0, weights_std: 0.12, max_missing_spikes: 0.05}
                    - {size: 3, delays: none, weights_mean: 0.3, weights_std: 0.15, max_missing_spikes: 0.05}
                training:
                  threads: 1
                """);
        Path out = tmp.resolve("sweep");
        String[] args = {"chip", "sweep", "-c", config.toString(), "--noise", "0,1.5", "--seeds", "7", "--epochs", "1",
            "--out", out.toString()};
        assertEquals(0, Main.run(args));
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(3, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(1).startsWith("tiny-chip,0,7,1,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("tiny-chip,1.5,7,1,"), rows.get(2));
        List<String> summary = Files.readAllLines(out.resolve("sweep-summary.csv"));
        assertEquals(3, summary.size());
        byte[] png = Files.readAllBytes(out.resolve("accuracy-vs-noise.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertEquals(Files.getPosixFilePermissions(out.resolve("sweep.csv")),
                Files.getPosixFilePermissions(out.resolve("accuracy-vs-noise.png")), "the plot is as readable as the table");

        long before = Files.getLastModifiedTime(out.resolve("tiny-chip-noise1.5-seed7").resolve("summary.json")).toMillis();
        assertEquals(0, Main.run(args));
        assertEquals(rows, Files.readAllLines(out.resolve("sweep.csv")), "finished runs are read back, not retrained");
        assertEquals(before, Files.getLastModifiedTime(out.resolve("tiny-chip-noise1.5-seed7").resolve("summary.json")).toMillis());

        args[args.length - 3] = "2"; // --epochs 2: finished runs are extended from their checkpoints
        assertEquals(0, Main.run(args));
        List<String> extended = Files.readAllLines(out.resolve("sweep.csv"));
        assertTrue(extended.get(1).startsWith("tiny-chip,0,7,2,"), extended.get(1));
        args[args.length - 3] = "1";
        assertEquals(2, Main.run(args), "fewer epochs than the folder holds is a user error");
    }

    @Test
    void parallelRunsGiveTheSameTableInTheSameOrder(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("tiny-chip.yaml");
        Files.writeString(config, """
                method: delgrad-chip
                network:
                  layers:
                    - {size: 6, delays: none, weights_mean: 1.0, weights_std: 0.12, max_missing_spikes: 0.05}
                    - {size: 3, delays: none, weights_mean: 0.3, weights_std: 0.15, max_missing_spikes: 0.05}
                training:
                  threads: 1
                """);
        List<List<String>> tables = new java.util.ArrayList<>();
        for (String parallel : List.of("1", "2")) {
            Path out = tmp.resolve("sweep-" + parallel);
            assertEquals(0, Main.run("chip", "sweep", "-c", config.toString(), "--noise", "0,2", "--seeds", "3,4",
                    "--epochs", "1", "--parallel", parallel, "--out", out.toString()));
            tables.add(Files.readAllLines(out.resolve("sweep.csv")).stream()
                    .map(line -> line.replaceAll(",[^,]*,[^,]*$", "")) // seconds_per_epoch and run_folder differ
                    .toList());
        }
        assertEquals(5, tables.get(0).size());
        assertTrue(tables.get(0).get(4).startsWith("tiny-chip,2,4,1,"), tables.get(0).get(4));
        assertEquals(tables.get(0), tables.get(1));
        assertEquals(2, Main.run("chip", "sweep", "-c", config.toString(), "--parallel", "0", "--out",
                tmp.resolve("none").toString()));
    }

    @Test
    void twoConfigurationsOfOneNameWouldShareFoldersAndAreRefused(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        for (String dir : List.of("a", "b")) {
            Files.writeString(tmp.resolve(dir).resolve("chip.yaml"), "method: delgrad-chip\n");
        }
        assertEquals(2, Main.run("chip", "sweep", "-c", tmp.resolve("a/chip.yaml").toString(), "-c",
                tmp.resolve("b/chip.yaml").toString(), "--out", tmp.resolve("s").toString()));
        assertFalse(Files.exists(tmp.resolve("s")), "refused before anything is created");
    }

    @Test
    void aConfigOfAnotherMethodIsAUserError(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("plain.yaml");
        Files.writeString(config, "method: delgrad\n");
        assertEquals(2, Main.run("chip", "sweep", "-c", config.toString(), "--out", tmp.resolve("s").toString()));
    }

    @Test
    void statisticsOfASeedGroup() {
        double[] s = SweepTable.stats(List.of(0.8, 0.9, 1.0));
        assertEquals(0.9, s[0], 1e-12);
        assertEquals(0.1, s[1], 1e-12);
        assertEquals(0.8, s[2]);
        assertEquals(1.0, s[3]);
        assertEquals(0.0, SweepTable.stats(List.of(0.5))[1]);
    }
}
