package io.delaynet.data.shd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.data.DataFormatException;
import io.delaynet.data.DataNotFoundException;
import io.delaynet.data.audio.SpikeSample;
import io.jhdf.HdfFile;
import io.jhdf.filter.PipelineFilterWithData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the fixtures written by src/test/resources/shd/make_fixtures.py; the expected values are its SAMPLES. */
class ShdReaderTest {
    private static final float[][] TIMES = {
        {0f, 0f, 0.125f, 0.5f, 0.75f}, {}, {0.001f, 0.0105f, 0.3f, 0.3f, 1.25f, 1.375f}};
    private static final int[][] UNITS = {{3, 7, 0, 699, 12}, {}, {1, 1, 0, 5, 698, 42}};
    private static final int[] LABELS = {0, 19, 7};
    private static final String[] SPEAKERS = {"2", "11", "4"};

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"pytables_shuffle.h5", "pytables_plain.h5", "h5py_shuffle.h5", "h5py_plain.h5"})
    void readsEveryFixtureVariant(String name) {
        boolean half = name.startsWith("pytables"); // those store float16 times
        ShdDataset set = ShdReader.read(fixture(name));
        assertEquals(700, set.unitCount());
        assertEquals(List.of("zero", "eins", "seven"), set.classNames());
        assertEquals(3, set.samples().size());
        for (int i = 0; i < 3; i++) {
            SpikeSample s = set.samples().get(i);
            assertEquals(Integer.toString(i), s.id());
            assertEquals(LABELS[i], s.label());
            assertEquals(SPEAKERS[i], s.speaker());
            float[] expected = TIMES[i].clone();
            for (int k = 0; k < expected.length; k++) {
                expected[k] = half ? Float.float16ToFloat(Float.floatToFloat16(expected[k])) : expected[k];
            }
            assertArrayEquals(expected, s.events().timesCopy(), 0f, name + " sample " + i);
            assertArrayEquals(UNITS[i], s.events().unitsCopy(), name + " sample " + i);
        }
        assertEquals(1.375f, set.samples().get(2).events().duration(), 1e-3f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytables_shuffle.h5", "h5py_shuffle.h5"})
    void shuffledFixturesReallyUseTheShuffleFilter(String name) {
        // Guards the fixtures: if a writer stopped applying shuffle, the workaround would go untested.
        try (HdfFile hdf = new HdfFile(fixture(name))) {
            List<PipelineFilterWithData> filters = hdf.getDatasetByPath("/spikes/times").getFilters();
            assertTrue(filters.stream().anyMatch(f -> f.toString().toLowerCase().contains("shuffle")), filters.toString());
        }
    }

    @Test
    void lenientShuffleUndoesShuffleAndPassesVariableLengthDataThrough() {
        LenientShuffleFilter filter = new LenientShuffleFilter();
        byte[] plain = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 99}; // three 4-byte elements and one stray byte
        byte[] shuffled = {1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12, 99};
        assertArrayEquals(plain, filter.decode(shuffled, new int[] {4}));
        assertArrayEquals(plain, filter.decode(plain, new int[0]));
        assertArrayEquals(plain, filter.decode(plain, null));
        assertArrayEquals(plain, filter.decode(plain, new int[] {1}));
    }

    @Test
    void truncatedCopyIsAFormatError() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("h5py_shuffle.h5"));
        Path damaged = Files.write(tmp.resolve("truncated.h5"), Arrays.copyOf(bytes, bytes.length / 2));
        assertFormatError(damaged);
    }

    @Test
    void overwrittenDataIsAFormatError() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("pytables_shuffle.h5"));
        for (int i = 2048; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5;
        }
        assertFormatError(Files.write(tmp.resolve("overwritten.h5"), bytes));
    }

    @Test
    void nonHdf5FileIsAFormatError() throws IOException {
        assertFormatError(Files.writeString(tmp.resolve("text.h5"), "this is not HDF5\n".repeat(100)));
    }

    @Test
    void unitBeyondTheChannelCountIsAFormatError() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> ShdReader.read(fixture("h5py_plain.h5"), 100));
        assertTrue(e.getMessage().contains("unit 699"), e.getMessage());
    }

    @Test
    void missingFileIsReportedAsNotFound() {
        assertThrows(DataNotFoundException.class, () -> ShdReader.read(tmp.resolve("absent.h5")));
    }

    private static void assertFormatError(Path file) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> ShdReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    static Path fixture(String name) {
        try {
            return Path.of(ShdReaderTest.class.getResource("/shd/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
