package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigDocs;
import io.delaynet.run.Method;
import io.delaynet.run.Methods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated bad input: configurations made from the documented keys of every method (the keys
 * {@code delaynet config} documents), each set to values from a pool of the kinds that broke the
 * promise before (NaN, infinities, numbers too large for their key, negative counts, text where a
 * number belongs, empty collections). For every one, the command ends with exit 0, or with exit 2
 * and a single line; never a stack trace, and a refused {@code train} leaves no folder.
 *
 * <p>The cases are drawn from fixed seeds, so a failure names a command that fails again the same
 * way. (No property-testing library: jqwik, the well-kept one for Java, runs on JUnit Platform 1,
 * and this project is on JUnit 6.)
 */
class BadInputFuzzTest {
    /** Values that have broken configurations before, as YAML scalars for {@code --set}. */
    private static final List<String> VALUES = List.of(".nan", ".inf", "-.inf", "1e400", "99999999999999999999",
            "-99999999999999999999", "3000000000", "-1", "0", "1.5", "many", "true", "null", "[]", "{}", "[1, .nan]",
            "''", "{a: 1}", "NaN", "-Infinity");

    @TempDir
    Path dir;

    /** The documented leaf keys of a method (list entries, whose paths need an index, are left out). */
    private static List<String> keys(Method m) {
        List<String> out = new ArrayList<>();
        for (ConfigDocs.Entry e : ConfigDocs.parse(m.defaultsDocument()).entries()) {
            if (!e.section() && !e.path().contains("[]") && !e.path().equals("method")) {
                out.add(e.path());
            }
        }
        return out;
    }

    /** Some overrides of documented keys with pool values, for the case drawn from {@code random}. */
    private static List<String> draw(Random random, Method m, List<String> keys) {
        List<String> args = new ArrayList<>(List.of("--set", "method=" + m.name()));
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            args.add("--set");
            args.add(keys.get(random.nextInt(keys.size())) + "=" + VALUES.get(random.nextInt(VALUES.size())));
        }
        return args;
    }

    /** The promise for one command: exit 0, or exit 2 with one line; never a stack trace. */
    private static Cli.Result keepsThePromise(List<Object> args) {
        Cli.Result r = Cli.run(args.toArray());
        String err = r.errLines().strip();
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace for " + args + ": " + err);
        assertTrue(r.status() == 0 || r.status() == 2, "exit 0 or 2 for " + args + ", got " + r.status() + ": " + err);
        if (r.status() == 2) {
            assertEquals(1, err.lines().count(), "one line for " + args + ": " + err);
            assertTrue(err.startsWith("delaynet: "), err);
        }
        return r;
    }

    /** Many generated configurations, checked by {@code delaynet config} (the checks of train, without training). */
    @Test
    void everyGeneratedConfigurationIsCheckedInOneLine() {
        Random random = new Random(16);
        int refused = 0;
        int cases = 0;
        for (Method m : Methods.all()) {
            List<String> keys = keys(m);
            for (int i = 0; i < 25; i++) {
                List<Object> args = new ArrayList<>(List.of("config", "--data-dir", dir));
                args.addAll(draw(random, m, keys));
                refused += keepsThePromise(args).status() == 2 ? 1 : 0;
                cases++;
            }
        }
        assertTrue(refused > cases / 2, "the pool is bad input, so most cases are refused: " + refused + " of " + cases);
    }

    /** Fewer, trained: a refused run leaves no folder, an accepted one a finished folder. */
    @Test
    void aRefusedTrainingLeavesNoFolderAndAnAcceptedOneAFinishedOne() throws Exception {
        Random random = new Random(1616);
        Method delgrad = Methods.byName("delgrad");
        List<String> keys = keys(delgrad).stream()
                .filter(k -> !k.startsWith("training.epochs") && !k.startsWith("data.dataset")).toList();
        Path config = SmallRuns.config(dir, 1);
        for (int i = 0; i < 12; i++) {
            Path out = dir.resolve("run-" + i);
            List<Object> args = new ArrayList<>(List.of("train", "-c", config, "--out", out, "--progress", "none",
                    "--no-report"));
            args.addAll(draw(random, delgrad, keys));
            if (keepsThePromise(args).status() == 2) {
                assertFalse(Files.exists(out), "a refused run leaves no folder: " + args);
            } else {
                assertTrue(Files.isRegularFile(out.resolve("summary.json")) && Files.isRegularFile(out.resolve("model.json")),
                        "a finished run: " + args);
            }
        }
    }
}
