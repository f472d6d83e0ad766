package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input promise as properties over generated input ({@link FuzzInputs}): configurations
 * made from every method's documented keys with valid, scaled, boundary, non-finite, overflowing
 * and wrongly typed values; configuration files with a duplicate, unknown or misspelt key; command
 * lines with unknown flags, missing values and bad counts. For each, the command ends with exit 0,
 * or with exit 2 and a single line; never a stack trace, and a refused {@code train} leaves no
 * folder (an accepted one a finished folder).
 *
 * <p>Every repetition draws from a fresh seed, as property-based tests do, so each run of the suite
 * tries new cases. A failure names the case and Instancio's extension reports the seed:
 * {@code @org.instancio.junit.Seed(...)} on the method repeats it.
 */
@ExtendWith(InstancioExtension.class)
class BadInputFuzzTest {
    @TempDir
    Path dir;

    /** The promise for one command: exit 0, or exit 2 with one line; never a stack trace. */
    static Cli.Result keepsThePromise(List<Object> args) {
        Cli.Result r = Cli.run(args.toArray());
        String err = r.errLines().strip();
        for (String stream : List.of(err, r.out())) {
            assertFalse(stream.contains("\tat ") || stream.contains("Exception") || stream.contains("Error:")
                    && stream.contains("java."), "no stack trace for " + args + ": " + stream);
        }
        assertTrue(r.status() == 0 || r.status() == 2, "exit 0 or 2 for " + args + ", got " + r.status() + ": " + err);
        if (r.status() == 2) {
            assertEquals(1, err.lines().count(), "one line for " + args + ": " + err);
            assertTrue(err.startsWith("delaynet: "), err);
        }
        return r;
    }

    /** Generated overrides of any method's documented keys, checked as {@code train} would check them. */
    @RepeatedTest(150)
    void aConfigurationFromTheDocumentedKeysIsAcceptedOrRefusedInOneLine(
            @Given(FuzzInputs.AnyOverrides.class) FuzzInputs.Overrides overrides) {
        List<Object> args = new ArrayList<>(List.of("config", "--data-dir", dir));
        args.addAll(overrides.args());
        keepsThePromise(args);
    }

    /** Generated overrides of a tiny DelGrad run, trained: refused leaves nothing, accepted a finished folder. */
    @RepeatedTest(12)
    void aTrainingRunIsRefusedWithoutAFolderOrFinishesItsFolder(
            @Given(FuzzInputs.TrainingOverrides.class) FuzzInputs.Overrides overrides) throws IOException {
        Path out = dir.resolve("run");
        List<Object> args = new ArrayList<>(List.of("train", "-c", SmallRuns.config(dir, 1), "--out", out,
                "--progress", "none", "--no-report"));
        args.addAll(overrides.args());
        if (keepsThePromise(args).status() == 2) {
            assertFalse(Files.exists(out), "a refused run leaves no folder: " + args);
        } else {
            assertFinished(out, args);
        }
    }

    /**
     * A configuration file with a key twice, an unknown key or a misspelt one is refused in one line
     * that says which (checked with {@code config}, which checks what {@code train} checks, so a
     * mistake that slipped through would not start a run of the method's defaults).
     */
    @RepeatedTest(60)
    void aFileWithADuplicateUnknownOrMisspeltKeyIsRefusedInOneLine(
            @Given(FuzzInputs.FaultyDocuments.class) FuzzInputs.Document document) throws IOException {
        Path file = dir.resolve("faulty.yaml");
        Files.writeString(file, document.yaml());
        Cli.Result r = keepsThePromise(List.of("config", "-c", file, "--data-dir", dir));
        assertEquals(2, r.status(), "refused: " + document);
        String expected = document.mistake().startsWith("duplicate") ? "sets a key twice" : "unknown key";
        assertTrue(r.errLines().contains(expected), "'" + expected + "' for " + document + ": " + r.errLines());
    }

    /** Every command with an unknown option or an option lacking its value is refused in one line, before it runs. */
    @RepeatedTest(60)
    void aCommandLineWithABadFlagIsRefusedInOneLine(@Given(FuzzInputs.FaultyCommandLines.class) FuzzInputs.Flags flags) {
        Path out = dir.resolve("out");
        List<Object> args = new ArrayList<>(flags.command());
        args.addAll(List.of("--out", out));
        args.addAll(flags.args());
        assertEquals(2, keepsThePromise(args).status(), "refused: " + args);
        assertFalse(Files.exists(out), "no folder for " + args);
    }

    /** A bad value of a documented flag, the only fault of the command line, is refused in one line. */
    @RepeatedTest(40)
    void aBadFlagValueIsRefusedInOneLineBeforeAnythingRuns(@Given(FuzzInputs.BadFlagValues.class) FuzzInputs.Flags flags)
            throws IOException {
        Path out = dir.resolve("out");
        List<Object> args = new ArrayList<>(flags.command());
        if (flags.command().equals(List.of("train"))) {
            args.addAll(List.of("-c", SmallRuns.config(dir, 1), "--out", out, "--no-report"));
        }
        args.addAll(flags.args());
        assertEquals(2, keepsThePromise(args).status(), "refused: " + args);
        assertFalse(Files.exists(out), "no folder for " + args);
    }

    /** A finished run: its model and summary, and nothing half-written (no temporary file left by an atomic write). */
    private static void assertFinished(Path out, List<Object> args) throws IOException {
        assertTrue(Files.isRegularFile(out.resolve("summary.json")) && Files.isRegularFile(out.resolve("model.json")),
                "a finished run: " + args);
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")),
                    "nothing half-written in " + out + ": " + names);
        }
    }
}
