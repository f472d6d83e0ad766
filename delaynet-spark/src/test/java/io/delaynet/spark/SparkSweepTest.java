package io.delaynet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.cli.Main;
import io.delaynet.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delaynet sweep --spark local[2]}: the command line finds this module through the
 * service file, runs a 2-axis x 2-seed sweep as Spark tasks in a session it starts itself, and
 * writes the results.csv of the same sweep run locally (every column but the wall-clock ones); and
 * {@code delaynet train --spark local[2]} (the chunks of every batch as Spark tasks) ends with the
 * model of a local run, bit for bit.
 */
class SparkSweepTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void aSparkSweepGivesTheTableOfALocalOne() throws Exception {
        Path file = tmp.resolve("grid.yaml");
        Files.writeString(file, """
                set: {training.epochs: 2, training.threads: 1}
                axes:
                  - name: delays
                    values:
                      - {label: axonal, example: %1$s/yinyang-axonal.yaml}
                      - {label: synaptic, example: %1$s/yinyang-synaptic.yaml}
                  - name: hidden
                    key: network.layers[0].size
                    values: [4, 6]
                seeds: [1, 2]
                """.formatted(EXAMPLES));
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        assertEquals(0, Main.run("sweep", file.toString(), "--out", local.toString(), "--parallel", "2"));
        assertEquals(0, Main.run("sweep", file.toString(), "--out", spark.toString(), "--spark", "local[2]"));
        List<String> expected = numbers(local);
        assertEquals(9, expected.size());
        assertTrue(expected.get(8).startsWith("synaptic,6,2,delgrad,yinyang-synaptic,"), expected.get(8));
        assertEquals(expected, numbers(spark));
        assertEquals(Files.readString(local.resolve("summary.csv")), Files.readString(spark.resolve("summary.csv")));
    }

    @Test
    void trainWithSparkGivesTheModelOfALocalRun() throws Exception {
        Path config = tmp.resolve("tiny.yaml");
        Files.writeString(config, """
                data: {noise: 0.05}
                network:
                  layers:
                    - {size: 6, delays: synaptic}
                    - {size: 3, delays: synaptic}
                training: {epochs: 2, threads: 1, batch_size: 1250}
                """);
        Path local = tmp.resolve("local-run");
        Path spark = tmp.resolve("spark-run");
        assertEquals(0, Main.run("train", "-c", config.toString(), "-o", local.toString(), "--progress", "none",
                "--no-report"));
        assertEquals(0, Main.run("train", "-c", config.toString(), "-o", spark.toString(), "--progress", "none",
                "--no-report", "--spark", "local[2]"));
        var a = io.delaynet.io.ModelFile.read(local.resolve("model.json")).parameters();
        var b = io.delaynet.io.ModelFile.read(spark.resolve("model.json")).parameters();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(k), b.get(k), k);
        }
        RunSummary sa = RunSummary.read(local.resolve("summary.json"));
        RunSummary sb = RunSummary.read(spark.resolve("summary.json"));
        assertEquals(sa.testAccuracy(), sb.testAccuracy());
        assertEquals(sa.testLoss(), sb.testLoss());
        assertEquals(sa.validationAccuracy(), sb.validationAccuracy());
        assertEquals(Files.readString(local.resolve("metrics.csv")).lines().map(l -> l.split(",")[1]).toList(),
                Files.readString(spark.resolve("metrics.csv")).lines().map(l -> l.split(",")[1]).toList(),
                "the train loss of every epoch");
    }

    /** results.csv without the wall-clock columns. */
    private static List<String> numbers(Path sweep) throws Exception {
        List<String> lines = Files.readAllLines(sweep.resolve("results.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int[] keep = IntStream.range(0, header.size())
                .filter(i -> !RunSummary.MEASURED_KEYS.contains(header.get(i))).toArray();
        return lines.stream().map(l -> l.split(",")).map(c -> String.join(",",
                Arrays.stream(keep).mapToObj(i -> c[i]).toList())).toList();
    }
}
