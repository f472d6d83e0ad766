package io.delaynet.cli;

import io.delaynet.io.FolderLock;
import java.nio.file.Path;

/** A second process for the folder-lock tests: locks the folder given, says so, and holds it until killed or its input ends. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]), "lock-holder")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until stdin is closed
            }
        }
    }
}
