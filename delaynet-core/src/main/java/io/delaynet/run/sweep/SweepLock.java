package io.delaynet.run.sweep;

import io.delaynet.config.ConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a sweep folder to one sweep at a time: two processes resuming the same runs would write
 * the same checkpoints. The operating system releases the lock when the process ends, however it
 * ends, so a killed sweep never leaves its folder locked.
 */
public final class SweepLock implements AutoCloseable {
    /** The lock file's name in the sweep folder. */
    public static final String FILE = ".sweep.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the folder if needed and takes its lock.
     *
     * @throws ConfigException when another sweep (in any process) holds it, or the folder cannot be written
     */
    public static SweepLock take(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw busy(dir);
            }
            return new SweepLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw busy(dir);
        } catch (IOException e) {
            close(channel);
            throw new ConfigException("cannot lock sweep folder " + dir + " (" + e.getMessage()
                    + "); choose a writable --out folder");
        } catch (ConfigException e) {
            close(channel);
            throw e;
        }
    }

    private static ConfigException busy(Path dir) {
        return new ConfigException("another sweep is running in " + dir + " (it holds " + dir.resolve(FILE)
                + "); wait for it to end, or choose another --out folder");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the channel was only opened to lock; nothing was written through it
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        close(channel);
    }
}
