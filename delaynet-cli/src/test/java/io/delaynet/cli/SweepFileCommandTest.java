package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.delaynet.io.Checkpoint;
import io.delaynet.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delaynet sweep}: the shipped smoke sweep writes its files; a sweep killed mid-run and
 * started again ends with the results.csv of one that ran straight through; a second sweep on a
 * running one's folder is refused; a malformed sweep file is one line before anything starts.
 */
class SweepFileCommandTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "yinyang-synaptic.yaml").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void theSmokeSweepWritesItsRunsTableSummaryPlotAndIndex() throws Exception {
        Path out = tmp.resolve("smoke");
        Cli.Result r = Cli.run("sweep", Path.of("..", "sweeps", "smoke.yaml"), "--out", out, "--parallel", "2");
        assertEquals(0, r.status(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(5, rows.size(), String.join("\n", rows));
        assertEquals("hidden,seed,method,config,test_accuracy,validation_accuracy,train_accuracy,test_loss,epochs,"
                + "seconds_per_epoch,parameters,threads,total_seconds,selected_epoch,final_epoch_test_accuracy,decision_step_mean,"
                + "decision_step_median,run_folder",
                rows.get(0));
        assertTrue(rows.get(1).startsWith("4,1,delgrad,yinyang-synaptic,"), rows.get(1));
        assertTrue(rows.get(4).startsWith("8,2,delgrad,yinyang-synaptic,"), rows.get(4));
        RunSummary last = RunSummary.read(out.resolve("hidden-8_seed2/summary.json"));
        assertEquals(3, last.epochs());
        assertEquals(2 * (4 * 8 + 8 * 3), last.parameters(), "synaptic delays: a weight and a delay per synapse");

        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(3, summary.size());
        assertTrue(summary.get(2).startsWith("8,2,112,"), summary.get(2));
        byte[] png = Files.readAllBytes(out.resolve("accuracy-vs-parameters.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<img src=\"accuracy-vs-parameters.png\""), index);
        assertTrue(index.contains("<a href=\"hidden-8_seed2/\">hidden-8_seed2</a>"), index);

        Cli.Result again = Cli.run("sweep", Path.of("..", "sweeps", "smoke.yaml"), "--out", out);
        assertEquals(0, again.status(), again.err());
        assertEquals(rows, Files.readAllLines(out.resolve("results.csv")), "finished runs are read back, not retrained");
    }

    @Test
    void aKilledSweepResumesToTheTableOfOneThatRanStraightThroughAndHoldsItsFolderMeanwhile() throws Exception {
        Path file = tmp.resolve("two.yaml");
        Files.writeString(file, """
                base: %s
                set: {training.epochs: 6, training.threads: 1}
                axes:
                  - {name: hidden, key: "network.layers[0].size", values: [6, 7]}
                seeds: [3]
                """.formatted(EXAMPLE));
        Path straight = tmp.resolve("straight");
        assertEquals(0, Cli.run("sweep", file, "--out", straight).status());

        Path killed = tmp.resolve("killed");
        Process child = ChildCli.start(tmp.resolve("killed.log"), "sweep", file, "--out", killed);
        Path second = killed.resolve("hidden-7_seed3");
        waitForCheckpoint(child, second.resolve("checkpoint.bin"));
        Cli.Result busy = Cli.run("sweep", file, "--out", killed);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, busy.status());
        String line = busy.errLines().strip();
        assertTrue(line.startsWith("delaynet: folder " + killed + " is in use by process " + child.pid() + " "), line);
        assertTrue(line.contains("delaynet sweep"), line);
        assertEquals(1, line.lines().count(), line);
        assertFalse(Files.exists(second.resolve("summary.json")), "killed mid-run");

        Cli.Result resumed = Cli.run("sweep", file, "--out", killed);
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals(numbers(straight), numbers(killed));
    }

    @Test
    void aMalformedSweepFileIsOneLineAndNothingStarts() throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "axes: [{name: hidden, key: training.epochs, values: [5]}]\nseeds: [one]\n");
        Cli.Result r = Cli.run("sweep", file, "--out", tmp.resolve("never"));
        assertEquals(2, r.status());
        assertEquals("delaynet: sweep file " + file + ": 'seeds' must hold whole numbers, got \"one\"", r.errLines().strip());
        assertFalse(Files.exists(tmp.resolve("never")));

        Cli.Result spark = Cli.run("sweep", Path.of("..", "sweeps", "smoke.yaml"), "--out", tmp.resolve("s"),
                "--spark", "local[2]");
        assertEquals(2, spark.status());
        assertTrue(spark.errLines().startsWith("delaynet: --spark needs the delaynet-spark module"), spark.err());
        Cli.Result train = Cli.run("train", "--out", tmp.resolve("t"), "--spark", "local[2]", "--progress", "none");
        assertEquals(2, train.status());
        assertTrue(train.errLines().startsWith("delaynet: --spark needs the delaynet-spark module"), train.err());
        assertFalse(Files.exists(tmp.resolve("t")), "refused before the run folder is made");
    }

    /** The CSV without the wall-clock columns, which differ between any two runs. */
    private static List<String> numbers(Path sweep) throws Exception {
        List<String> lines = Files.readAllLines(sweep.resolve("results.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int[] keep = IntStream.range(0, header.size())
                .filter(i -> !RunSummary.MEASURED_KEYS.contains(header.get(i))).toArray();
        return lines.stream().map(l -> l.split(",")).map(c -> String.join(",",
                Arrays.stream(keep).mapToObj(i -> c[i]).toList())).toList();
    }

    private static void waitForCheckpoint(Process child, Path checkpoint) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                fail("the sweep ended (status " + child.exitValue() + ") before it could be killed");
            }
            if (Files.isRegularFile(checkpoint) && Checkpoint.read(checkpoint).nextEpoch() >= 1) {
                return;
            }
            Thread.sleep(20);
        }
        fail("no checkpoint at " + checkpoint + " within 120 s");
    }
}
