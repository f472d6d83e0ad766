package io.delaynet.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.data.DataFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    private static final String TEST_LABELS_MD5 = "27ae3e4e09519cfbb04c329615203637";

    @TempDir
    Path temp;

    @Test
    void readsTheRealMnistAndFashionFilesWithTheirChecksums() {
        Path dir = SharedData.directoryOrSkip();
        for (MnistVariant variant : MnistVariant.values()) {
            MnistData data = MnistData.load(dir, variant);
            assertEquals(60000, data.train().count());
            assertEquals(10000, data.test().count());
            assertEquals(784, data.train().imageSize());
            assertEquals(60000 * 784, data.train().pixels().length);
            int[] perClass = new int[10];
            for (byte label : data.test().labels()) {
                perClass[label]++;
            }
            for (int c = 0; c < 10; c++) {
                assertTrue(perClass[c] > 800, variant + " class " + c + " has only " + perClass[c] + " test images");
            }
            assertEquals(4, data.files().size());
        }
    }

    @Test
    void firstMnistTestLabelsAreTheKnownOnes() {
        Path dir = SharedData.directoryOrSkip();
        IdxFile labels = IdxFile.read(dir.resolve("mnist/t10k-labels-idx1-ubyte.gz"), 1, TEST_LABELS_MD5);
        assertArrayEquals(new byte[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(labels.data(), 10));
    }

    @Test
    void readsAnUncompressedCopy() throws IOException {
        Path dir = SharedData.directoryOrSkip();
        byte[] raw = gunzip(dir.resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        Path copy = temp.resolve("t10k-labels-idx1-ubyte");
        Files.write(copy, raw);
        IdxFile labels = IdxFile.read(copy, 1, TEST_LABELS_MD5);
        assertEquals(10000, labels.count());
    }

    @Test
    void badMagicNumberIsReportedInOneLine() throws IOException {
        byte[] raw = realTestLabels();
        raw[2] = 0x0D; // element type "float" instead of unsigned byte
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(gzipTo("bad", raw), 1, null));
        assertTrue(e.getMessage().contains("not an idx file"), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000d01"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void imagesFileGivenWhereLabelsAreExpectedIsABadMagicNumber() throws IOException {
        Path dir = SharedData.directoryOrSkip();
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxFile.read(dir.resolve("mnist/t10k-images-idx3-ubyte.gz"), 1, null));
        assertTrue(e.getMessage().contains("0x00000803"), e.getMessage());
    }

    @Test
    void truncatedDataIsReported() throws IOException {
        byte[] raw = realTestLabels();
        byte[] cut = Arrays.copyOf(raw, raw.length - 100);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxFile.read(gzipTo("cut", cut), 1, TEST_LABELS_MD5));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void truncatedGzipStreamIsReported() throws IOException {
        Path whole = gzipTo("whole", realTestLabels());
        byte[] gz = Files.readAllBytes(whole);
        Path cut = temp.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(cut, 1, TEST_LABELS_MD5));
        assertTrue(e.getMessage().contains("truncated gzip"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void wrongChecksumIsReported() throws IOException {
        byte[] raw = realTestLabels();
        raw[raw.length - 1] = (byte) ((raw[raw.length - 1] + 1) % 10); // still a valid label
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxFile.read(gzipTo("changed", raw), 1, TEST_LABELS_MD5));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertTrue(e.getMessage().contains(TEST_LABELS_MD5), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void missingFileNamesTheFlagAndEnvironmentVariable() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistData.load(temp, MnistVariant.FASHION_MNIST));
        assertTrue(e.getMessage().contains("fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("--data-dir") && e.getMessage().contains("DELAYNET_DATA"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void corruptCopyInADataDirectoryFailsTheLoad() throws IOException {
        Path dir = SharedData.directoryOrSkip();
        Path mnist = Files.createDirectories(temp.resolve("mnist"));
        for (String name : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz"}) {
            Files.copy(dir.resolve("mnist").resolve(name), mnist.resolve(name));
        }
        byte[] raw = realTestLabels();
        raw[20] = (byte) ((raw[20] + 3) % 10);
        Files.write(mnist.resolve("t10k-labels-idx1-ubyte.gz"), gzip(raw));
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistData.load(temp, MnistVariant.MNIST));
        assertTrue(e.getMessage().contains("t10k-labels") && e.getMessage().contains("checksum"), e.getMessage());
    }

    private byte[] realTestLabels() throws IOException {
        return gunzip(SharedData.directoryOrSkip().resolve("mnist/t10k-labels-idx1-ubyte.gz"));
    }

    private Path gzipTo(String name, byte[] raw) throws IOException {
        Path file = temp.resolve(name + ".gz");
        Files.write(file, gzip(raw));
        return file;
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static void assertOneLine(Exception e) {
        assertFalse(e.getMessage().contains("\n"), "message spans lines: " + e.getMessage());
    }
}
