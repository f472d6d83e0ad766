package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two processes write into one folder: train, --resume, report and chip sweep refuse a folder
 * that another process holds, with one line naming it; a lock left by a killed process is taken over.
 */
class FolderLockCliTest {
    @TempDir
    Path dir;

    /** Starts a JVM that locks {@code folder} and returns once it holds the lock. */
    private static Process holdLock(Path folder) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), folder.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine(), "the lock holder started");
        return p;
    }

    private static String refused(Process holder, Object... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.status(), r.err());
        String err = r.errLines().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(" is in use by process " + holder.pid() + " (lock-holder since "), err);
        assertTrue(err.endsWith("wait for it to finish (or stop it), or choose another folder"), err);
        return err;
    }

    private static byte[][] contents(Path run, String... names) throws Exception {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = Files.readAllBytes(run.resolve(names[i]));
        }
        return out;
    }

    @Test
    void aFolderInUseIsRefusedByEveryWriterAndTakenOverOnceItsHolderIsKilled() throws Exception {
        Path run = SmallRuns.train(dir, "run", 1);
        Files.delete(run.resolve("summary.json"));
        Files.delete(run.resolve("model.json"));
        String[] files = {"config.yaml", "provenance.json", "checkpoint.bin", "metrics.csv"};
        byte[][] before = contents(run, files);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Process holder = holdLock(run);
        Process emptyHolder = holdLock(empty);
        try {
            refused(holder, "train", "--resume", run, "--epochs", "2", "--progress", "none");
            refused(holder, "report", run);
            refused(emptyHolder, "train", "--config", SmallRuns.config(dir, 1), "--out", empty, "--progress", "none");
            assertFalse(Files.exists(run.resolve("plots")), "no report drawn");
            for (int i = 0; i < files.length; i++) {
                assertArrayEquals(before[i], contents(run, files)[i], files[i] + " untouched");
            }
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            emptyHolder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // killed holders leave their lock files; the system dropped the locks, so the folders are free
        assertEquals(0, Cli.run("train", "--resume", run, "--epochs", "2", "--progress", "none", "--no-report").status());
        assertEquals(0, Cli.run("train", "--config", SmallRuns.config(dir, 1), "--out", empty, "--progress", "none",
                "--no-report").status());
    }

    @Test
    void aChipSweepRefusesAFolderInUseAndARunFolder() throws Exception {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        Path config = Files.writeString(dir.resolve("chip.yaml"), "method: delgrad-chip\n");
        Process holder = holdLock(sweep);
        try {
            refused(holder, "chip", "sweep", "-c", config, "--noise", "0", "--seeds", "1", "--epochs", "1", "--out", sweep);
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Path run = SmallRuns.train(dir, "run", 1);
        Cli.Result r = Cli.run("chip", "sweep", "-c", config, "--noise", "0", "--seeds", "1", "--epochs", "1", "--out", run);
        assertEquals(2, r.status(), r.err());
        assertEquals("delaynet: " + run + " is the folder of a training run, not of a sweep; choose another --out folder",
                r.errLines().strip());
    }

    /** Two real trainings started at once into one folder: one trains, the other is refused, the folder is one run's. */
    @Test
    void twoTrainingsStartedAtOnceNeverMixTheirFiles() throws Exception {
        Path out = dir.resolve("shared");
        Path config = SmallRuns.config(dir, 3);
        Process a = ChildCli.start(dir.resolve("a.log"), "train", "-c", config, "--out", out, "--seed", 11,
                "--progress", "none", "--no-report");
        Process b = ChildCli.start(dir.resolve("b.log"), "train", "-c", config, "--out", out, "--seed", 22,
                "--progress", "none", "--no-report");
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS), "both ended");
        List<Integer> codes = List.of(a.exitValue(), b.exitValue());
        assertTrue(codes.contains(0) && codes.contains(2), "one trained, one was refused: " + codes);
        String loser = Files.readString(dir.resolve(a.exitValue() == 2 ? "a.log" : "b.log"));
        assertTrue(loser.contains("delaynet: folder " + out + " is in use by process")
                || loser.contains("delaynet: output folder " + out + " is not empty"), loser);
        assertFalse(loser.contains("\tat "), loser);
        String seed = a.exitValue() == 0 ? "11" : "22";
        assertTrue(Files.readString(out.resolve("config.yaml")).contains("seed: " + seed));
        assertTrue(Files.readString(out.resolve("provenance.json")).contains("\"seed\" : " + seed)
                || Files.readString(out.resolve("provenance.json")).contains("\"seed\":" + seed));
        assertTrue(Files.readString(out.resolve("summary.json")).matches("(?s).*\"seed\"\\s*:\\s*" + seed + "\\D.*"));
    }
}
