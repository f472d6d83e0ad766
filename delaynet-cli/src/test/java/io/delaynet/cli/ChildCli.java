package io.delaynet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line in a separate JVM, for tests that kill it. */
final class ChildCli {
    private ChildCli() {
    }

    /** Starts {@code delaynet args...} with this JVM's java and class path; output goes to {@code log}. */
    static Process start(Path log, Object... args) throws IOException {
        return start(log, List.of(), args);
    }

    /** As {@link #start(Path, Object...)}, with extra options for the child's JVM (e.g. -Xmx256m). */
    static Process start(Path log, List<String> jvmOptions, Object... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "io.delaynet.cli.Main"));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
