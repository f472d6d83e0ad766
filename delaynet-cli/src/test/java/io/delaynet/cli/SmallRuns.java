package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small, quick DelGrad configurations and runs for command-line tests. */
final class SmallRuns {
    /** A 4-8-3 network with synaptic delays; the Yin-Yang data is generated, so no data folder is needed. */
    static final String CONFIG = """
            network:
              layers:
                - {size: 8, delays: synaptic}
                - {size: 3, delays: synaptic}
            training:
              epochs: %d
              threads: 1
            """;

    private SmallRuns() {
    }

    static Path config(Path dir, int epochs) throws IOException {
        Path file = dir.resolve("small-" + epochs + ".yaml");
        Files.writeString(file, CONFIG.formatted(epochs));
        return file;
    }

    /** Trains a small run into {@code dir/name} in this JVM and returns its folder. */
    static Path train(Path dir, String name, int epochs, String... extra) throws IOException {
        Path out = dir.resolve(name);
        Object[] args = new Object[8 + extra.length];
        Object[] base = {"train", "--config", config(dir, epochs), "--out", out, "--progress", "none", "--no-report"};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.status(), r.err());
        return out;
    }
}
