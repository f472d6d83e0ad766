package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * The cases of issue 16, each as the overrides of one {@code train} of a small run and the start
     * of its one-line error: every one used to train silently, write an unreadable model, or end in
     * a stack trace.
     */
    static Stream<Arguments> badValues() {
        String onlyDelgrad = "; give a finite number (only loss.max_dw_norm, network.weight_limit may be .inf)";
        String range = ", out of range; give a whole number from -2147483648 to 2147483647";
        return Stream.of(
                Arguments.of(List.of("loss.delta_t=.nan"), "config: 'loss.delta_t' is NaN; give a number"),
                Arguments.of(List.of("loss.delta_t=.inf"), "config: 'loss.delta_t' is infinity" + onlyDelgrad),
                Arguments.of(List.of("loss.delta_t=NaN"), "config: 'loss.delta_t' is NaN; give a number"),
                Arguments.of(List.of("loss.xi=-Infinity"), "config: 'loss.xi' is minus infinity" + onlyDelgrad),
                Arguments.of(List.of("network.delay.init_mean=.nan"), "config: 'network.delay.init_mean' is NaN; give a number"),
                Arguments.of(List.of("network.threshold=.inf"), "config: 'network.threshold' is infinity" + onlyDelgrad),
                Arguments.of(List.of("data.early=-.inf"), "config: 'data.early' is minus infinity" + onlyDelgrad),
                Arguments.of(List.of("data.late=1e400"), "config: 'data.late' is infinity" + onlyDelgrad),
                Arguments.of(List.of("network.layers=[{size: 8, delays: [1, .nan]}, {size: 3}]"),
                        "config: 'network.layers[0].delays[1]' is NaN; give a number"),
                Arguments.of(List.of("training.epochs=99999999999999999999"), "config: 'training.epochs' is 99999999999999999999" + range),
                Arguments.of(List.of("network.layers=[{size: 3000000000}, {size: 3}]"),
                        "config: 'network.layers[0].size' is 3000000000" + range),
                Arguments.of(List.of("network.layers=[{size: 2000000000}, {size: 3}]"),
                        "config: network.layers[0] (inputs x size) needs 4 x 2000000000 = 8.00e+09 values in one array"),
                Arguments.of(List.of("network.layers=[{size: 300000000}, {size: 3}]"),
                        "config: the network has 2100000000 parameters, which need at least "),
                Arguments.of(List.of("training.seed=99999999999999999999"), "config: 'training.seed' is 99999999999999999999, "
                        + "out of range; give a whole number from -9223372036854775808 to 9223372036854775807"),
                Arguments.of(List.of("training.epochs=0"), "training.epochs is 0, so nothing would be trained; give 1 or more"),
                Arguments.of(List.of("network.threshold=-1"), "config: in 'network': network.threshold must be > 0"),
                Arguments.of(List.of("training.learning_rates.weights=1e308", "training.epochs=3"),
                        "training diverged in epoch 1 (layer1.weights holds "),
                Arguments.of(List.of("method=stepped", "network.neuron.threshold=.nan"),
                        "config: 'network.neuron.threshold' is NaN; give a number"),
                // the stepped network has no 'network.threshold': a typo, said as one even with a NaN value
                Arguments.of(List.of("method=stepped", "network.threshold=.nan"), "config: unknown key 'network.threshold'"),
                // found by BadInputFuzzTest: a misspelt rate kind was ignored, and a mapping for a list named Java types
                Arguments.of(List.of("training.learning_rates.wieghts=0.1"), "config: in 'training': unknown key "
                        + "'training.learning_rates.wieghts'; the parameter kinds with a learning rate are weights and delays"),
                Arguments.of(List.of("method=stepped", "network.weights.layers={a: 1}"),
                        "config: 'network.weights.layers' needs a list, not a mapping {\"a\":1}"),
                Arguments.of(List.of("method=delgrad-chip", "backend.noise_scale=.nan"), "config: 'backend.noise_scale' is NaN"),
                Arguments.of(List.of("method=delgrad-chip", "backend.readout.clock=.inf"), "config: 'backend.readout.clock' is "
                        + "infinity; give a finite number (only backend.delays.max, backend.readout.window may be .inf)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void everyBadValueIsOneLineAndLeavesNoFolder(List<String> sets, String start) throws Exception {
        Path out = dir.resolve("run");
        List<Object> args = new java.util.ArrayList<>(List.of("train", "--out", out, "--progress", "none", "--no-report"));
        if (!sets.get(0).startsWith("method=")) {
            args.addAll(List.of("--config", SmallRuns.config(dir, 1)));
        }
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        String msg = fails(args.toArray());
        assertTrue(msg.startsWith(start), msg);
        assertFalse(Files.exists(out), "no run folder for " + sets);
    }

    @Test
    void aKeySetTwiceIsRefused() throws Exception {
        Path config = Files.writeString(dir.resolve("twice.yaml"), "training:\n  epochs: 3\n  seed: 1\n  epochs: 4\n");
        assertEquals(config + " sets a key twice at line 4: \"epochs\"; keep only one of the two",
                fails("train", "--config", config, "--out", dir.resolve("run")));
        assertFalse(Files.exists(dir.resolve("run")));
    }

    /** Found by BadInputFuzzTest: what picocli cannot parse was followed by the whole usage text. */
    @Test
    void anOptionPicocliCannotParseIsOneLineWithWhereTheUsageIs() {
        assertEquals("Invalid value for option '--inputs': 'x' is not an int; see 'delaynet bench online --help'",
                fails("bench", "online", "--inputs", "x"));
        assertEquals("Unknown options: '--epoch', '3' (did you mean --epochs?); see 'delaynet train --help'",
                fails("train", "--epoch", "3"));
        assertEquals("Missing required parameter for option '--out' (DIR); see 'delaynet train --help'",
                fails("train", "--out"));
    }

    @Test
    void benchmarkCountsBelowOneAreRefused() {
        assertEquals("--epochs, --mnist-samples and --mnist-passes must be at least 1, --warmup at least 0",
                fails("bench", "delgrad", "--epochs", "0", "--no-mnist"));
        assertEquals("--epochs, --mnist-samples and --mnist-passes must be at least 1, --warmup at least 0",
                fails("bench", "delgrad", "--warmup", "-1", "--no-mnist"));
        assertEquals("--batches, --baseline-batches and --threads must be at least 1",
                fails("bench", "stepped", "--threads", "-1"));
        assertEquals("--threads, --repeat and --direct-sample must be at least 1, got -1, 3 and 40",
                fails("bench", "audio", "--threads", "-1"));
        assertEquals("config: in 'training': training.threads must be >= 0 (0 = all cores), got -1",
                fails("train", "--threads", "-1", "--out", dir.resolve("run")));
    }

    @Test
    void aReportOnADamagedModelKeepsTheOldReport() throws Exception {
        Path run = SmallRuns.train(dir, "run", 1);
        assertEquals(0, Cli.run("report", run).status());
        byte[] page = Files.readAllBytes(run.resolve("index.html"));
        String[] plots;
        try (var files = Files.list(run.resolve("plots"))) {
            plots = files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
        assertTrue(plots.length >= 3, Arrays.toString(plots));
        // parameters that no longer fit the saved network: a model damaged in the way a JSON parser cannot see
        Files.writeString(run.resolve("model.json"), Files.readString(run.resolve("model.json"))
                .replaceFirst("\"layer1.weights\" : \\[ [-0-9.E]+, ", "\"layer1.weights\" : [ "));
        String msg = fails("report", run);
        assertTrue(msg.startsWith("cannot build the report of " + run + ", the existing report is left as it was: "), msg);
        assertArrayEquals(page, Files.readAllBytes(run.resolve("index.html")));
        try (var files = Files.list(run.resolve("plots"))) {
            assertArrayEquals(plots, files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new));
        }
        assertFalse(Files.exists(run.resolve(".plots.new")));
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
        assertEquals("checkpoint " + run.resolve("checkpoint.bin") + " is damaged or truncated; train the run again "
                + "from its saved configuration with: delaynet train --restart " + run, fails("train", "--resume", run));
        assertArrayEquals(cp, Files.readAllBytes(run.resolve("checkpoint.bin")));
        try (var files = Files.list(run)) {
            assertArrayEquals(before, files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new));
        }
        // the advice works: the folder trains again from its config, with the numbers of a fresh run of it
        byte[] config = Files.readAllBytes(run.resolve("config.yaml"));
        Cli.Result again = Cli.run("train", "--restart", run, "--progress", "none", "--no-report");
        assertEquals(0, again.status(), again.err());
        assertArrayEquals(config, Files.readAllBytes(run.resolve("config.yaml")));
        Path fresh = SmallRuns.train(dir, "fresh", 1);
        assertEquals(lossesAndAccuracies(fresh), lossesAndAccuracies(run));
        assertEquals(RunSummary.read(fresh.resolve("summary.json")).testAccuracy(),
                RunSummary.read(run.resolve("summary.json")).testAccuracy());
    }

    /** Epoch, losses and accuracies of metrics.csv: everything but the seconds. */
    private static java.util.List<String> lossesAndAccuracies(Path run) throws Exception {
        return Files.readString(run.resolve("metrics.csv")).lines()
                .map(l -> String.join(",", Arrays.copyOf(l.split(","), 5))).toList();
    }

    @Test
    void restartNeedsARunFolderAndLeavesForeignFilesAlone() throws Exception {
        assertEquals("run folder " + dir.resolve("none") + " does not exist; --restart needs the folder of a run started "
                + "by 'delaynet train'", fails("train", "--restart", dir.resolve("none")));
        assertEquals(dir + " holds no config.yaml; --restart needs the folder of a run started by 'delaynet train'",
                fails("train", "--restart", dir));
        Path run = SmallRuns.train(dir, "run", 1);
        Files.writeString(run.resolve("notes.txt"), "mine");
        byte[] model = Files.readAllBytes(run.resolve("model.json"));
        assertEquals(run + " holds notes.txt, which no run writes; move it away before --restart, which deletes the "
                + "run's files", fails("train", "--restart", run));
        assertArrayEquals(model, Files.readAllBytes(run.resolve("model.json")));
        assertEquals("--restart trains a run again with its saved config and folder; drop --config, --out and --resume",
                fails("train", "--restart", run, "--out", dir.resolve("x")));
    }

    @Test
    void resumeKeepsTheSeedsAndTheMethodOfTheRun() throws Exception {
        Path run = SmallRuns.train(dir, "run", 1);
        Files.delete(run.resolve("model.json"));
        Files.delete(run.resolve("summary.json"));
        byte[] provenance = Files.readAllBytes(run.resolve("provenance.json"));
        assertEquals("run " + run + " was started with training.seed 2000 and --resume continues it unchanged, so "
                + "training.seed 99 is refused; start a new run for it (--out NEW_DIR), or drop that override",
                fails("train", "--resume", run, "--seed", "99", "--epochs", "2"));
        assertTrue(fails("train", "--resume", run, "--set", "method=stepped").startsWith("run " + run
                + " was started with method delgrad and --resume continues it unchanged, so method stepped is refused"));
        assertArrayEquals(provenance, Files.readAllBytes(run.resolve("provenance.json")));
        // the same seed again is no change
        assertEquals(0, Cli.run("train", "--resume", run, "--seed", "2000", "--progress", "none", "--no-report").status());
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
