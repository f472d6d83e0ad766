package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input ends the same way: exit status 2, one line on standard error that names
 * the problem and the fix, no stack trace, and nothing half-written or overwritten.
 */
class BadInputTest {
    @TempDir
    static Path shared;
    static Path finished;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() throws Exception {
        finished = SmallRuns.train(shared, "finished", 1);
    }

    /** Runs the command and checks the common contract; returns the one error line (without "delaynet: "). */
    private static String fails(Object... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.status(), "exit status of " + Arrays.toString(args) + "; stderr: " + r.err());
        String err = r.errLines();
        assertEquals(1, err.lines().count(), "exactly one line: " + err);
        assertTrue(err.startsWith("delaynet: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        return err.substring("delaynet: ".length()).strip();
    }

    @Test
    void malformedConfigLeavesNoRunFolder() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "training:\n  epochs: 3\n   batch_size: [1,\n");
        String msg = fails("train", "--config", config, "--out", dir.resolve("run"));
        assertTrue(msg.startsWith(config + " is not valid YAML at line "), msg);
        assertTrue(msg.contains("fix the syntax"), msg);
        assertFalse(Files.exists(dir.resolve("run")), "no run folder for a bad config");
    }

    @Test
    void unknownKeyIsNamedWithTheKnownOnes() throws Exception {
        Path config = dir.resolve("typo.yaml");
        Files.writeString(config, "training:\n  epochz: 3\n");
        String msg = fails("train", "--config", config, "--out", dir.resolve("run"));
        assertTrue(msg.startsWith("config: unknown key 'training.epochz'; known keys here: "), msg);
        assertTrue(msg.contains("epochs"), msg);
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void outOfRangeAndMistypedValuesAreRefused() {
        assertEquals("config: in 'training': training.epochs must be >= 0, got -1",
                fails("train", "--epochs", "-1", "--out", dir.resolve("a")));
        assertEquals("config: 'training.batch_size' has value many but needs a whole number",
                fails("train", "--set", "training.batch_size=many", "--out", dir.resolve("b")));
        assertTrue(fails("train", "--set", "network.delay.parameterisation=cubic", "--out", dir.resolve("c"))
                .contains("network.delay.parameterisation must be sigmoid or clip, got cubic"));
        assertFalse(Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")) || Files.exists(dir.resolve("c")));
    }

    @Test
    void missingConfigFileIsNamed() {
        assertEquals("config file " + dir.resolve("nope.yaml") + " does not exist; check the path given to --config",
                fails("train", "--config", dir.resolve("nope.yaml")));
    }

    @Test
    void missingOrUnusableDataFolderIsNamed() throws Exception {
        Path missing = dir.resolve("no-data");
        assertEquals("data folder " + missing + " (from --data-dir) does not exist; point --data-dir at the folder "
                + "that holds the data sets", fails("train", "--data-dir", missing, "--out", dir.resolve("run")));
        Path file = Files.writeString(dir.resolve("data.txt"), "not a folder");
        assertTrue(fails("eval", "--model", finished, "--data-dir", file).contains("is a file, not a folder"));
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void outputFolderThatCannotBeCreatedLeavesNothingBehind() throws Exception {
        Path file = Files.writeString(dir.resolve("occupied"), "a file");
        String msg = fails("train", "--out", file.resolve("run"), "--epochs", "1");
        assertTrue(msg.startsWith("cannot create output folder " + file.resolve("run")), msg);
        assertTrue(msg.endsWith("choose a writable --out folder"), msg);
        assertEquals("output path " + file + " is a file; choose a folder for --out", fails("train", "--out", file));
        assertEquals("a file", Files.readString(file));
    }

    @Test
    void aNonEmptyOutputFolderIsNeverOverwritten() throws Exception {
        byte[] model = Files.readAllBytes(finished.resolve("model.json"));
        String msg = fails("train", "--out", finished, "--epochs", "1");
        assertEquals("output folder " + finished + " is not empty; choose a new --out folder, or continue the run there "
                + "with --resume " + finished, msg);
        assertArrayEquals(model, Files.readAllBytes(finished.resolve("model.json")));
    }

    @Test
    void truncatedModelIsReportedAndLeftAsItIs() throws Exception {
        Path copy = dir.resolve("model.json");
        byte[] whole = Files.readAllBytes(finished.resolve("model.json"));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        Files.write(copy, truncated);
        assertEquals("model file " + copy + " is damaged or truncated (not valid JSON); re-run training or use the "
                + "checkpoint in the run folder", fails("eval", "--model", copy));
        assertTrue(fails("inspect", "--model", copy, "--sample", "0").contains("is damaged or truncated"));
        assertArrayEquals(truncated, Files.readAllBytes(copy));
        Files.writeString(copy, "{\"format\": \"something-else\"}");
        assertEquals(copy + " is not a DelayNet model file (no \"format\": \"delaynet-model\")", fails("eval", "--model", copy));
    }

    @Test
    void corruptCheckpointStopsTheResumeBeforeAnythingIsWritten() throws Exception {
        Path run = SmallRuns.train(dir, "run", 1);
        Files.delete(run.resolve("model.json"));
        Files.delete(run.resolve("summary.json"));
        byte[] cp = Files.readAllBytes(run.resolve("checkpoint.bin"));
        cp[cp.length / 2] ^= 0x5A;
        Files.write(run.resolve("checkpoint.bin"), cp);
        String[] before;
        try (var files = Files.list(run)) {
            before = files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
        assertEquals("checkpoint " + run.resolve("checkpoint.bin") + " is damaged or truncated; start the run again "
                + "without --resume", fails("train", "--resume", run));
        assertArrayEquals(cp, Files.readAllBytes(run.resolve("checkpoint.bin")));
        try (var files = Files.list(run)) {
            assertArrayEquals(before, files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new));
        }
    }

    @Test
    void resumingWhatIsNoRunOrAlreadyFinishedIsExplained() throws Exception {
        assertEquals(dir + " holds no config.yaml; --resume needs the folder of a run started by 'delaynet train'",
                fails("train", "--resume", dir));
        assertEquals("run " + finished + " already finished its 1 epochs; to train it further, resume with --epochs N "
                + "for some N > 1", fails("train", "--resume", finished));
        assertEquals("--resume continues a run with its saved config and folder; drop --config and --out",
                fails("train", "--resume", finished, "--out", dir));
    }

    @Test
    void resumingWithAnotherNetworkShapeChangesNothing() throws Exception {
        Path run = SmallRuns.train(dir, "run", 1);
        Files.delete(run.resolve("model.json"));
        Files.delete(run.resolve("summary.json"));
        byte[] config = Files.readAllBytes(run.resolve("config.yaml"));
        byte[] provenance = Files.readAllBytes(run.resolve("provenance.json"));
        String msg = fails("train", "--resume", run, "--set", "network.layers=[{size: 5}, {size: 3}]");
        assertEquals("model file " + run.resolve("checkpoint.bin") + ": layer1.weights has 32 values, the network needs "
                + "20; the file is damaged or was made for a network of another shape", msg);
        assertArrayEquals(config, Files.readAllBytes(run.resolve("config.yaml")));
        assertArrayEquals(provenance, Files.readAllBytes(run.resolve("provenance.json")));
    }

    @Test
    void damagedRunFilesAreNamedByTheReport() throws Exception {
        Path run = SmallRuns.train(dir, "run", 1);
        Files.writeString(run.resolve("summary.json"), "{\"test_accuracy\": 0.9");
        assertEquals(run.resolve("summary.json") + " is damaged or truncated (not the JSON a run writes); restore it, "
                + "or delete it to build the report without it", fails("report", run));
    }

    @Test
    void aReportThatCannotBeWrittenSaysSoAndLeavesNoPage() throws Exception {
        Path run = SmallRuns.train(dir, "run", 1);
        Files.writeString(run.resolve("plots"), "a file where the plots folder belongs");
        String msg = fails("report", run);
        assertTrue(msg.startsWith("cannot write the report into " + run + " ("), msg);
        assertTrue(msg.endsWith("); check free space and permissions"), msg);
        assertFalse(Files.exists(run.resolve("index.html")));
    }

    @Test
    void unknownSplitAndProgressStyleAreNamed() {
        assertEquals("unknown split 'dev'; use train, validation or test", fails("eval", "--model", finished, "--split", "dev"));
        assertEquals("--progress must be auto, bar, lines or none, got 'fancy'", fails("train", "--progress", "fancy"));
    }
}
