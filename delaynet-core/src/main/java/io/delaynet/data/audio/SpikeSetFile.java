package io.delaynet.data.audio;

import io.delaynet.data.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A binary file holding a list of {@link SpikeSample}s, stamped with a key (what the samples were
 * made from) and a checksum of its contents. Little-endian layout:
 *
 * <pre>
 *   "DLYNSPK1"  magic and version (8 bytes)
 *   key         32 bytes
 *   int         number of samples
 *   per sample: id, speaker (int length + UTF-8), int label, int unitCount, float duration,
 *               int n, n × float time, n × uint16 unit
 *   int         CRC-32C of every byte before it
 * </pre>
 *
 * Writes go to a temporary file in the same folder, renamed into place, so a crash or a concurrent
 * writer never leaves a half-written file under the final name.
 */
public final class SpikeSetFile {
    private static final byte[] MAGIC = "DLYNSPK1".getBytes(StandardCharsets.US_ASCII);
    public static final int KEY_BYTES = 32;
    private static final int MAX_UNITS = 1 << 16;

    private SpikeSetFile() {
    }

    /** Atomically writes {@code samples} under {@code key} to {@code file}. */
    public static void write(Path file, byte[] key, List<SpikeSample> samples) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes");
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    CRC32C crc = new CRC32C();
                    ByteBuffer header = little(MAGIC.length + KEY_BYTES + 4).put(MAGIC).put(key).putInt(samples.size());
                    writeAll(out, header, crc);
                    for (SpikeSample s : samples) {
                        writeAll(out, encode(s), crc);
                    }
                    writeAll(out, little(4).putInt((int) crc.getValue()), null);
                    out.force(true);
                }
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws DataFormatException when the file is truncated, damaged (checksum) or not a spike-set
     *                             file; the message says to delete it
     */
    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (bytes.length < MAGIC.length + KEY_BYTES + 8 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw damaged(file, "is not a spike-set file of this version");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != in.getInt(bytes.length - 4)) {
            throw damaged(file, "fails its checksum (truncated or corrupted)");
        }
        in.limit(bytes.length - 4).position(MAGIC.length);
        byte[] key = new byte[KEY_BYTES];
        in.get(key);
        try {
            int count = in.getInt();
            List<SpikeSample> samples = new ArrayList<>(Math.min(count, 1 << 20));
            for (int i = 0; i < count; i++) {
                samples.add(decode(in));
            }
            if (in.hasRemaining()) {
                throw damaged(file, "has " + in.remaining() + " unexpected bytes after its last sample");
            }
            return new Contents(key, samples);
        } catch (RuntimeException e) {
            if (e instanceof DataFormatException d) {
                throw d;
            }
            // A checksum match with unreadable contents means a writer bug or a forged file; same advice.
            throw damaged(file, "has inconsistent contents (" + e.getMessage() + ")");
        }
    }

    /** What a spike-set file holds. */
    public record Contents(byte[] key, List<SpikeSample> samples) {
        public Contents {
            key = key.clone();
            samples = List.copyOf(samples);
        }

        @Override
        public byte[] key() {
            return key.clone();
        }
    }

    private static ByteBuffer encode(SpikeSample s) {
        SpikeEvents e = s.events();
        if (e.unitCount() > MAX_UNITS) {
            throw new IllegalArgumentException("spike-set files hold at most " + MAX_UNITS + " units");
        }
        byte[] id = s.id().getBytes(StandardCharsets.UTF_8);
        byte[] speaker = s.speaker().getBytes(StandardCharsets.UTF_8);
        int n = e.size();
        ByteBuffer b = little(4 + id.length + 4 + speaker.length + 4 * 5 + 6 * n);
        b.putInt(id.length).put(id).putInt(speaker.length).put(speaker);
        b.putInt(s.label()).putInt(e.unitCount()).putFloat(e.duration()).putInt(n);
        b.asFloatBuffer().put(e.timesCopy());
        b.position(b.position() + 4 * n);
        for (int i = 0; i < n; i++) {
            b.putShort((short) e.unit(i));
        }
        return b;
    }

    private static SpikeSample decode(ByteBuffer in) {
        String id = string(in);
        String speaker = string(in);
        int label = in.getInt();
        int unitCount = in.getInt();
        float duration = in.getFloat();
        int n = in.getInt();
        if (n < 0 || n > in.remaining() / 6) {
            throw new IllegalArgumentException("event count " + n + " exceeds the file");
        }
        float[] times = new float[n];
        in.asFloatBuffer().get(times);
        in.position(in.position() + 4 * n);
        int[] units = new int[n];
        for (int i = 0; i < n; i++) {
            units[i] = Short.toUnsignedInt(in.getShort());
        }
        return new SpikeSample(id, label, speaker, SpikeEvents.of(times, units, unitCount, duration));
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string length " + length + " exceeds the file");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ByteBuffer little(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void writeAll(FileChannel out, ByteBuffer b, CRC32C crc) throws IOException {
        b.flip();
        if (crc != null) {
            crc.update(b.duplicate());
        }
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static DataFormatException damaged(Path file, String problem) {
        return new DataFormatException(file + ": " + problem, "delete it; it is rebuilt from the recordings");
    }
}
