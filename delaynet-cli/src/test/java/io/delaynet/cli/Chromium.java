package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for checking pages the way a reader sees them. Where it is not installed the
 * calling test is skipped with the install command, except in CI (CI=true), where its absence is
 * a failure: CI installs it, so a missing browser there means a broken setup, not a skipped check.
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The installed browser; fails in CI and skips elsewhere (saying why) when there is none. */
    static Chromium findOrSkip() {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return new Chromium(found.get());
        }
        String message = "headless Chromium is not installed (looked for " + NAMES + " on PATH and $DELAYNET_CHROMIUM); "
                + "install it with 'apt-get install -y chromium' to check the report in a real browser";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must check the report in a browser: " + message);
        }
        System.err.println("SKIPPED browser checks: " + message); // surefire's summary does not show the reason
        Assumptions.abort(message);
        return null;
    }

    private static Optional<Path> find() {
        String explicit = System.getenv("DELAYNET_CHROMIUM");
        if (explicit != null && Files.isExecutable(Path.of(explicit))) {
            return Optional.of(Path.of(explicit));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir).resolve(name);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The page's DOM after its load event (scripts have run). */
    String dumpDom(Path page, Path scratch) throws IOException, InterruptedException {
        Path out = scratch.resolve("dom.html");
        run(scratch, out, "--dump-dom", page.toUri().toString());
        return Files.readString(out);
    }

    /** A PNG screenshot of the page at the given window size. */
    Path screenshot(Path page, Path scratch, int width, int height) throws IOException, InterruptedException {
        Path png = scratch.resolve("screenshot.png");
        run(scratch, scratch.resolve("screenshot.log"), "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png, page.toUri().toString());
        return png;
    }

    private void run(Path scratch, Path stdout, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(scratch.resolve("chromium-stderr.log").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s: " + command);
        }
        if (p.exitValue() != 0) {
            fail("chromium exited with " + p.exitValue() + ": " + Files.readString(scratch.resolve("chromium-stderr.log")));
        }
    }
}
