package io.delaynet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void flagWinsOverEnvironmentAndConvention() throws IOException {
        Path flag = Files.createDirectories(tmp.resolve("flag"));
        Path env = Files.createDirectories(tmp.resolve("env"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(tmp.resolve("shared/data"));
        Map<String, String> vars = Map.of(DataDirectory.ENV_VAR, env.toString());
        assertEquals(flag, DataDirectory.resolve(Optional.of(flag), vars, work));
        assertEquals(env, DataDirectory.resolve(Optional.empty(), vars, work));
        assertEquals(tmp.resolve("shared/data"), DataDirectory.resolve(Optional.empty(), Map.of(), work));
        assertEquals(flag, DataDirectory.resolve(Optional.of(Path.of("../flag")), Map.of(), work), "relative to the working dir");
    }

    @Test
    void missingDirectoryNamesTheFix() throws IOException {
        // A working folder two levels inside the temp folder: the conventional ../shared/data is then looked
        // for inside the temp folder too, never in the system's temp root, where a real shared/ may exist.
        Path work = Files.createDirectories(tmp.resolve("a/work"));
        DataNotFoundException e = assertThrows(DataNotFoundException.class,
                () -> DataDirectory.resolve(Optional.of(tmp.resolve("nope")), Map.of(), tmp));
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
        e = assertThrows(DataNotFoundException.class, () -> DataDirectory.resolve(Optional.empty(), Map.of(), work));
        assertTrue(e.getMessage().contains(DataDirectory.ENV_VAR), e.getMessage());
        e = assertThrows(DataNotFoundException.class, () -> DataDirectory.resolve(Optional.empty(),
                Map.of(DataDirectory.ENV_VAR, tmp.resolve("gone").toString()), work));
        assertTrue(e.getMessage().contains(DataDirectory.ENV_VAR), e.getMessage());
    }

    @Test
    void findIsEmptyWhenNothingNamesAFolderButStillChecksWhatIsNamed() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("a/work"));
        assertTrue(DataDirectory.find(Optional.empty(), "--data-dir", Map.of(), work).isEmpty());
        Path file = Files.writeString(tmp.resolve("data.txt"), "not a folder");
        DataNotFoundException e = assertThrows(DataNotFoundException.class,
                () -> DataDirectory.find(Optional.of(file), "data.dir", Map.of(), tmp));
        assertTrue(e.getMessage().contains("(from data.dir) is a file, not a folder"), e.getMessage());
    }

    @Test
    void cacheDirectoryOrder() {
        Path home = tmp.resolve("home");
        assertEquals(tmp.resolve("c"), CacheDirectory.resolve(Optional.of(tmp.resolve("c")), Map.of(), home));
        assertEquals(tmp.resolve("e"), CacheDirectory.resolve(Optional.empty(),
                Map.of(CacheDirectory.ENV_VAR, tmp.resolve("e").toString(), "XDG_CACHE_HOME", tmp.resolve("x").toString()), home));
        assertEquals(tmp.resolve("x/delaynet"), CacheDirectory.resolve(Optional.empty(),
                Map.of("XDG_CACHE_HOME", tmp.resolve("x").toString()), home));
        assertEquals(home.resolve(".cache/delaynet"), CacheDirectory.resolve(Optional.empty(), Map.of(), home));
    }
}
