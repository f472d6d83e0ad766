package io.delaynet.io;

import io.delaynet.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An exclusive lock on a folder that a command writes into (a run folder, a sweep folder), so that
 * two processes never mix their files in one folder. The lock is an operating-system lock
 * ({@link FileChannel#tryLock()}) on the file {@value #FILE} inside the folder: the system drops
 * it when its process ends, however it ends, so a lock left by a killed process is simply taken
 * over. The file itself stays (deleting it would let two processes lock two different files of the
 * same name); it holds the process id of the last holder, for the message a second writer gets.
 *
 * <p>Within one JVM the lock is re-entrant for the thread that holds it (a training command holds
 * it across training and the report, which locks again); another thread of the same JVM is refused
 * like another process.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name inside the locked folder; folder listings that look for "empty" skip it. */
    public static final String FILE = ".delaynet.lock";

    /** The locks this JVM holds, by lock file, with the thread that holds each and how often. */
    private static final Map<Path, FolderLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread owner;
    private int holds = 1;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.owner = Thread.currentThread();
    }

    /**
     * Locks {@code dir} (which must exist) for {@code command}, or fails with one line naming the
     * process that holds it.
     *
     * @param command what this process does there, e.g. "delaynet train", recorded for the message
     * @throws ConfigException when another process (or another thread of this one) holds the lock,
     *                         or the lock file cannot be written
     */
    public static FolderLock acquire(Path dir, String command) {
        Path file = dir.resolve(FILE).toAbsolutePath().normalize();
        synchronized (HELD) {
            FolderLock mine = HELD.get(file);
            if (mine != null) {
                if (mine.owner == Thread.currentThread()) {
                    mine.holds++;
                    return mine;
                }
                throw busy(dir, ProcessHandle.current().pid() + " (this process, another of its tasks)");
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // another channel of this JVM, outside this class: treat as taken
                }
                if (lock == null) {
                    String holder = holderOf(channel);
                    channel.close();
                    throw busy(dir, holder);
                }
                String record = ProcessHandle.current().pid() + " " + command + " since " + Instant.now() + "\n";
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                FolderLock held = new FolderLock(file, channel, lock);
                HELD.put(file, held);
                return held;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new ConfigException("cannot lock folder " + dir + " (" + e.getMessage()
                        + "); check that it exists and is writable");
            }
        }
    }

    /** Whether {@code p} is the lock file of its folder (to be skipped when a folder is checked for being empty). */
    public static boolean isLockFile(Path p) {
        return p.getFileName() != null && p.getFileName().toString().equals(FILE);
    }

    private static ConfigException busy(Path dir, String holder) {
        return new ConfigException("folder " + dir + " is in use by process " + holder
                + "; wait for it to finish (or stop it), or choose another folder");
    }

    /** "PID (COMMAND since TIME)" from the lock file, as the holder wrote it. */
    private static String holderOf(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        channel.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        int space = text.indexOf(' ');
        if (text.isEmpty() || space < 0) {
            return "(unknown: it has only just started)";
        }
        return text.substring(0, space) + " (" + text.substring(space + 1) + ")";
    }

    /** Releases one hold; the last one unlocks the folder (the lock file stays, emptied). */
    @Override
    public void close() {
        synchronized (HELD) {
            if (holds == 0 || --holds > 0) {
                return;
            }
            HELD.remove(file);
            try {
                channel.truncate(0);
                lock.release();
            } catch (IOException e) {
                // the channel's close below releases the lock in any case
            } finally {
                closeQuietly(channel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more can be done; the lock goes with the process
            }
        }
    }
}
