package io.delaynet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder lock keeps out every other writer, another thread of this JVM included, and is re-entrant for its holder. */
class FolderLockTest {
    @TempDir
    Path dir;

    private ConfigException refusedInAnotherThread() {
        return CompletableFuture.supplyAsync(() -> assertThrows(ConfigException.class,
                () -> FolderLock.acquire(dir, "other"))).join();
    }

    @Test
    void anotherThreadIsRefusedUntilTheHolderLetsGo() {
        try (FolderLock lock = FolderLock.acquire(dir, "delaynet test")) {
            String msg = refusedInAnotherThread().getMessage();
            assertEquals("folder " + dir + " is in use by process " + ProcessHandle.current().pid()
                    + " (this process, another of its tasks); wait for it to finish (or stop it), or choose another folder", msg);
        }
        // released: the other thread gets it now
        CompletableFuture.runAsync(() -> FolderLock.acquire(dir, "other").close()).join();
    }

    @Test
    void theHolderMayLockAgainAndOnlyTheLastCloseReleases() {
        FolderLock outer = FolderLock.acquire(dir, "outer");
        FolderLock inner = FolderLock.acquire(dir, "inner");
        inner.close();
        refusedInAnotherThread(); // still held by the outer hold
        outer.close();
        outer.close(); // a second close of a released lock changes nothing
        CompletableFuture.runAsync(() -> FolderLock.acquire(dir, "other").close()).join();
    }

    @Test
    void theLockFileNamesTheHolderWhileHeldAndIsEmptiedAfter() throws Exception {
        try (FolderLock lock = FolderLock.acquire(dir, "delaynet test")) {
            String text = Files.readString(dir.resolve(FolderLock.FILE));
            assertTrue(text.startsWith(ProcessHandle.current().pid() + " delaynet test since "), text);
        }
        assertEquals("", Files.readString(dir.resolve(FolderLock.FILE)));
        assertTrue(FolderLock.isLockFile(dir.resolve(FolderLock.FILE)));
    }

    @Test
    void aFolderThatCannotHoldTheLockFileIsNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> FolderLock.acquire(dir.resolve("absent"), "x"));
        assertTrue(e.getMessage().startsWith("cannot lock folder " + dir.resolve("absent") + " ("), e.getMessage());
    }
}
