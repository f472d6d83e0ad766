package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.data.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpikeSetFileTest {
    @TempDir
    Path tmp;

    private final byte[] key = new byte[SpikeSetFile.KEY_BYTES];
    private final List<SpikeSample> samples = List.of(
            new SpikeSample("3_theo_1", 3, "theo",
                    SpikeEvents.of(new float[] {0.001f, 0.25f, 0.25f}, new int[] {0, 699, 12}, 700, 0.5f)),
            new SpikeSample("ünïcode", 0, "", SpikeEvents.of(new float[0], new int[0], 700, 0f)));

    @Test
    void roundTripsSamplesAndKey() throws IOException {
        key[5] = 42;
        Path file = tmp.resolve("set.bin");
        SpikeSetFile.write(file, key, samples);
        SpikeSetFile.Contents read = SpikeSetFile.read(file);
        assertEquals(samples, read.samples());
        assertTrue(Arrays.equals(key, read.key()));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void flippedByteIsDetected() throws IOException {
        Path file = tmp.resolve("set.bin");
        SpikeSetFile.write(file, key, samples);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> SpikeSetFile.read(file));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void truncatedAndForeignFilesAreDetected() throws IOException {
        Path file = tmp.resolve("set.bin");
        SpikeSetFile.write(file, key, samples);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 9));
        assertThrows(DataFormatException.class, () -> SpikeSetFile.read(file));
        Files.write(file, Arrays.copyOf(bytes, 20));
        assertThrows(DataFormatException.class, () -> SpikeSetFile.read(file));
        Files.writeString(file, "not a spike set at all, just some text of reasonable length");
        assertThrows(DataFormatException.class, () -> SpikeSetFile.read(file));
    }
}
