package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory check under a small heap, in a child JVM with -Xmx256m: a time-stepped MNIST run whose
 * window is a little smaller than the check allows trains its epoch without running out of memory,
 * and one a little larger is refused in one line, exit 2, leaving no folder. Where the limit lies
 * is read from two refusals (the estimate grows linearly with the steps), so the test follows the
 * heap the child really has rather than a number written here.
 */
class MemoryEstimateChildTest {
    private static final List<String> HEAP = List.of("-Xmx256m");
    private static final Pattern REFUSAL = Pattern.compile(
            "training needs up to ([0-9.]+) MiB .* this JVM has ([0-9.]+) MiB free of 256 MiB and keeps ([0-9]+)% of it");

    @TempDir
    Path dir;

    private record Outcome(int status, String log) {
    }

    private Outcome train(int steps) throws IOException, InterruptedException {
        Path out = dir.resolve("run-" + steps);
        Path log = dir.resolve("run-" + steps + ".log");
        Process child = ChildCli.start(log, HEAP, "train", "--data-dir", System.getProperty("delaynet.shared.data"),
                "--set", "method=stepped", "--set", "data.encoding.steps=" + steps, "--set", "network.hidden=[100]",
                "--set", "data.train_limit=16", "--set", "data.eval_limit=16", "--set", "training.epochs=1",
                "--out", out, "--progress", "none", "--no-report");
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child ends");
        String text = Files.readString(log).lines().filter(l -> !l.startsWith("WARNING"))
                .reduce("", (a, b) -> a + b + "\n").strip();
        Outcome o = new Outcome(child.exitValue(), text);
        if (o.status() == 2) {
            assertEquals(1, text.lines().count(), "one line: " + text);
            assertFalse(Files.exists(out), "a refused run leaves no folder");
        } else {
            assertEquals(0, o.status(), text);
            assertTrue(Files.isRegularFile(out.resolve("summary.json")), text);
        }
        return o;
    }

    /** The estimate and the part of the free heap training may have, in MiB, from a refusal. */
    private double[] refused(int steps) throws IOException, InterruptedException {
        Outcome o = train(steps);
        assertEquals(2, o.status(), "refused at " + steps + " steps: " + o.log());
        Matcher m = REFUSAL.matcher(o.log());
        assertTrue(m.find(), o.log());
        return new double[] {Double.parseDouble(m.group(1)),
                Double.parseDouble(m.group(2)) * Integer.parseInt(m.group(3)) / 100.0};
    }

    @Test
    void aWindowJustInsideTheCheckTrainsAndOneJustOutsideIsRefused() throws Exception {
        String data = System.getProperty("delaynet.shared.data");
        assumeTrue(data != null && Files.isDirectory(Path.of(data).resolve("mnist")), "MNIST not available");
        double[] big = refused(4000);
        double[] less = refused(3000);
        double perStep = (big[0] - less[0]) / 1000;
        double fixed = big[0] - 4000 * perStep;
        double usable = Math.min(big[1], less[1]);
        int outside = (int) Math.ceil((1.06 * usable - fixed) / perStep);
        int inside = (int) Math.floor((0.94 * usable - fixed) / perStep);
        assertTrue(inside > 100 && outside < 3000, "the limit lies between 100 and 3000 steps: " + inside + ".."
                + outside);
        assertEquals(2, train(outside).status(), "6 % over the limit is refused");
        assertEquals(0, train(inside).status(), "6 % under the limit trains without running out of memory");
    }
}
