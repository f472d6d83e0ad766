package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.delaynet.io.Checkpoint;
import io.delaynet.io.Json;
import io.delaynet.io.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A training process that dies part-way, by a hard kill or by Ctrl-C/SIGTERM, leaves a folder from
 * which {@code --resume} finishes with bit for bit the result of a run that was never interrupted.
 */
class InterruptAndResumeTest {
    /** Long enough that the child is still training when it is stopped after a few epochs. */
    private static final int EPOCHS = 40;
    private static final List<String> SUMMARY_RESULTS = List.of("test_accuracy", "validation_accuracy", "train_accuracy",
            "test_loss", "epochs", "selected_epoch", "final_epoch_test_accuracy", "parameters", "seed");

    @TempDir
    static Path dir;
    static Path uninterrupted;

    @BeforeAll
    static void trainWithoutInterruption() throws Exception {
        uninterrupted = SmallRuns.train(dir, "uninterrupted", EPOCHS);
    }

    @Test
    void aKilledRunResumesToTheUninterruptedResult() throws Exception {
        Path run = dir.resolve("killed");
        Process child = ChildCli.start(dir.resolve("killed.log"), "train", "--config", SmallRuns.config(dir, EPOCHS),
                "--out", run, "--progress", "lines", "--no-report");
        int done = waitForEpochs(child, run, 3);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(run.resolve("model.json")), "killed after " + done + " epochs, before the end");

        Cli.Result resumed = Cli.run("train", "--resume", run, "--progress", "none", "--no-report");
        assertEquals(0, resumed.status(), resumed.err());
        assertSameResult(uninterrupted, run);
        assertNoTemporaryFiles(run);
    }

    @Test
    void ctrlCStopsCleanlyAndSaysHowToResume() throws Exception {
        Path run = dir.resolve("stopped");
        Path log = dir.resolve("stopped.log");
        Process child = ChildCli.start(log, "train", "--config", SmallRuns.config(dir, EPOCHS), "--out", run,
                "--progress", "lines", "--no-report");
        waitForEpochs(child, run, 2);
        child.destroy(); // SIGTERM: the JVM runs its shutdown hooks exactly as for Ctrl-C (SIGINT)
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child stops within the grace period");
        assertNotEquals(0, child.exitValue());
        String out = Files.readString(log);
        assertTrue(out.contains("interrupted: stopped during epoch "), out);
        assertTrue(out.contains("continue with: delaynet train --resume " + run), out);
        assertFalse(out.contains("Exception"), out);
        assertFalse(Files.exists(run.resolve("model.json")));
        assertNoTemporaryFiles(run);
        int kept = Checkpoint.read(run.resolve("checkpoint.bin")).nextEpoch();
        assertTrue(out.contains("the run folder keeps the " + kept + " finished epoch"), out);
        assertEquals(kept, Json.parse(Files.readString(run.resolve("metrics.json"))).size(),
                "metrics and checkpoint agree on the finished epochs");

        Cli.Result resumed = Cli.run("train", "--resume", run, "--progress", "none", "--no-report");
        assertEquals(0, resumed.status(), resumed.err());
        assertSameResult(uninterrupted, run);
    }

    /** A finished run trained further with --resume --epochs ends where a longer run would have ended. */
    @Test
    void extendingAFinishedRunEqualsTrainingLongerFromTheStart() throws Exception {
        Path run = SmallRuns.train(dir, "extended", EPOCHS - 5);
        Cli.Result r = Cli.run("train", "--resume", run, "--epochs", EPOCHS, "--progress", "none", "--no-report");
        assertEquals(0, r.status(), r.err());
        assertSameResult(uninterrupted, run);
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("epochs: " + EPOCHS),
                "the override given on resume is on record");
    }

    /** Polls the child's checkpoint until it holds {@code epochs} epochs; returns how many it holds. */
    private static int waitForEpochs(Process child, Path run, int epochs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Path checkpoint = run.resolve("checkpoint.bin");
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                fail("the child ended (status " + child.exitValue() + ") before it could be interrupted");
            }
            if (Files.isRegularFile(checkpoint)) {
                int done = Checkpoint.read(checkpoint).nextEpoch();
                if (done >= epochs) {
                    return done;
                }
            }
            Thread.sleep(5);
        }
        child.destroyForcibly();
        return fail("the child did not finish " + epochs + " epochs in time");
    }

    private static void assertSameResult(Path expected, Path actual) throws Exception {
        Map<String, double[]> want = ModelFile.read(expected.resolve("model.json")).parameters();
        Map<String, double[]> got = ModelFile.read(actual.resolve("model.json")).parameters();
        assertEquals(want.keySet(), got.keySet());
        for (String group : want.keySet()) {
            assertArrayEquals(want.get(group), got.get(group), group + " differs bit for bit");
        }
        JsonNode a = Json.parse(Files.readString(expected.resolve("summary.json")));
        JsonNode b = Json.parse(Files.readString(actual.resolve("summary.json")));
        for (String key : SUMMARY_RESULTS) {
            assertEquals(a.path(key).asDouble(), b.path(key).asDouble(), key);
        }
        JsonNode ma = Json.parse(Files.readString(expected.resolve("metrics.json")));
        JsonNode mb = Json.parse(Files.readString(actual.resolve("metrics.json")));
        assertEquals(ma.size(), mb.size());
        for (int e = 0; e < ma.size(); e++) {
            for (String key : List.of("train_loss", "train_accuracy", "validation_loss", "validation_accuracy")) {
                assertEquals(ma.get(e).path(key).asDouble(), mb.get(e).path(key).asDouble(), "epoch " + (e + 1) + " " + key);
            }
        }
    }

    private static void assertNoTemporaryFiles(Path run) throws Exception {
        try (var files = Files.list(run)) {
            List<String> temporary = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertTrue(temporary.isEmpty(), "temporary files left: " + temporary);
        }
    }
}
