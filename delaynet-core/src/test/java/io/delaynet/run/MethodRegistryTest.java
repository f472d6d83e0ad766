package io.delaynet.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The method registry finds the four methods of delaynet-core through the service file, and the
 * {@code run} package (with its sub-packages) depends on no engine, in its sources or its class files.
 */
class MethodRegistryTest {
    /** Engine packages, in the internal (slashes) form class files use. */
    private static final Pattern ENGINE_INTERNAL = Pattern.compile("io/delaynet/(event|stepped|hardware|online)(/|;|$)");
    private static final Pattern ENGINE_DOTTED = Pattern.compile("io\\.delaynet\\.(event|stepped|hardware|online)\\b");
    private static final Pattern ENGINE_IMPORT = Pattern.compile(
            "(?m)^\\s*import\\s+(static\\s+)?io\\.delaynet\\.(event|stepped|hardware|online)\\b");

    @Test
    void registryListsTheFourMethodsInTheServiceFilesOrder() {
        assertEquals(List.of("delgrad", "delgrad-chip", "stepped", "online"),
                Methods.all().stream().map(Method::name).toList());
        assertEquals("delgrad-chip", Methods.byName("delgrad-chip").name());
        assertTrue(Methods.all().stream().noneMatch(m -> m.description().isBlank()));
    }

    @Test
    void anUnknownMethodNamesTheRegisteredOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> Methods.byName("offline"));
        assertEquals("unknown method 'offline'; use one of: delgrad, delgrad-chip, stepped, online", e.getMessage());
    }

    @Test
    void noClassOfTheRunPackagesReferencesAnEngine() throws IOException, URISyntaxException {
        Path classes = Path.of(Methods.class.getResource("Methods.class").toURI()).getParent();
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                checked++;
                for (PoolEntry e : ClassFile.of().parse(Files.readAllBytes(f)).constantPool()) {
                    // class references, descriptors, signatures and string constants are all UTF-8 entries
                    if (e instanceof Utf8Entry u && (ENGINE_INTERNAL.matcher(u.stringValue()).find()
                            || ENGINE_DOTTED.matcher(u.stringValue()).find())) {
                        offenders.add(classes.relativize(f) + " -> " + u.stringValue());
                    }
                }
            }
        }
        assertTrue(checked >= 10, "found only " + checked + " class files under " + classes);
        assertTrue(offenders.isEmpty(), "run/ must reach engines through the registry only: " + offenders);
    }

    @Test
    void noSourceOfTheRunPackagesImportsAnEngine() throws IOException {
        Path sources = Path.of("src", "main", "java", "io", "delaynet", "run");
        assertTrue(Files.isDirectory(sources), "run from delaynet-core: " + sources.toAbsolutePath());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (ENGINE_IMPORT.matcher(Files.readString(f)).find()) {
                    offenders.add(sources.relativize(f).toString());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "run/ sources import an engine package: " + offenders);
    }

    @Test
    void theCheckWouldSeeAnEngineReference() throws IOException, URISyntaxException {
        // the pattern test above is only worth something if it matches what a real engine reference looks like
        Path engine = Path.of(io.delaynet.stepped.SteppedMethod.class.getResource("SteppedMethod.class").toURI());
        boolean seen = false;
        for (PoolEntry e : ClassFile.of().parse(Files.readAllBytes(engine)).constantPool()) {
            seen |= e instanceof Utf8Entry u && ENGINE_INTERNAL.matcher(u.stringValue()).find();
        }
        assertTrue(seen);
        assertFalse(ENGINE_IMPORT.matcher("import io.delaynet.eventual.X;").find());
        assertTrue(ENGINE_IMPORT.matcher("import io.delaynet.hardware.config.ChipMethod;").find());
    }
}
