package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code delaynet.jar} (built in the package phase, checked by failsafe afterwards):
 * the method registry lives in a service file, which shading must carry over, or every command
 * would find no method at all.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "delaynet.jar");

    @Test
    void theJarCarriesTheMethodServiceFile() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR.toAbsolutePath() + "; run 'mvn verify'");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            var entry = jar.getJarEntry("META-INF/services/io.delaynet.run.Method");
            assertTrue(entry != null, "the shaded jar lost the method service file");
            List<String> providers = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)
                    .lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            assertEquals(List.of("io.delaynet.event.config.DelGradMethod", "io.delaynet.hardware.config.ChipMethod",
                    "io.delaynet.stepped.SteppedMethod", "io.delaynet.online.OnlineMethod"), providers);
        }
    }

    @Test
    void theJarListsTheMethodsInHelpAndErrors() throws Exception {
        String help = runJar("config", "--help").replaceAll("\\s+", " "); // help text wraps at any space
        assertTrue(help.contains("one of delgrad, delgrad-chip, stepped, online"), help);
        String config = runJar("config", "--method", "nope");
        assertTrue(config.contains("unknown method 'nope'; use one of: delgrad, delgrad-chip, stepped, online"), config);
        String train = runJar("train", "--set", "method=nope");
        assertTrue(train.contains("unknown method 'nope'; use one of: delgrad, delgrad-chip, stepped, online"), train);
    }

    private static String runJar(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar did not exit: " + out);
        return out;
    }
}
