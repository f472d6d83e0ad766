package io.delaynet.data.mnist;

import io.delaynet.data.DataFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the idx format of the MNIST family: a 4-byte magic number (0, 0, element type,
 * number of dimensions), the dimensions as big-endian ints, then the unsigned-byte elements.
 * Gzip-compressed and raw files are both accepted; the checksum is always taken over the raw
 * (decompressed) bytes, because that is what the published MD5s describe.
 *
 * @param dimensions sizes of each dimension, outermost first
 * @param data       the elements, row-major, as unsigned bytes (read them with {@code & 0xFF})
 */
public record IdxFile(int[] dimensions, byte[] data) {
    /** Element type code of unsigned bytes, the only type the MNIST family uses. */
    static final int UNSIGNED_BYTE = 0x08;

    /**
     * Reads and checks one idx file.
     *
     * @param file        the file, gzip-compressed or raw
     * @param dimensions  the number of dimensions the file must declare (1 for labels, 3 for images)
     * @param expectedMd5 MD5 of the raw bytes in lowercase hex, or null to skip the check
     * @throws DataFormatException if the file is unreadable, not idx, truncated or fails the checksum
     */
    public static IdxFile read(Path file, int dimensions, String expectedMd5) {
        byte[] raw = decompressedBytes(file);
        int magic = expectedMagic(dimensions);
        if (raw.length < 4 || ByteBuffer.wrap(raw, 0, 4).getInt() != magic) {
            String found = raw.length < 4 ? "only " + raw.length + " bytes"
                    : String.format("magic number 0x%08x", ByteBuffer.wrap(raw, 0, 4).getInt());
            throw new DataFormatException(file + " is not an idx file with " + dimensions
                    + " dimension(s) (" + found + ", expected " + String.format("0x%08x", magic)
                    + "); replace it with the original download");
        }
        int header = 4 + 4 * dimensions;
        if (raw.length < header) {
            throw truncated(file, raw.length, header);
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        int[] dims = new int[dimensions];
        long elements = 1;
        for (int d = 0; d < dimensions; d++) {
            dims[d] = buffer.getInt(4 + 4 * d);
            if (dims[d] < 0) {
                throw new DataFormatException(file + " declares a negative size " + dims[d]
                        + "; the file is corrupt, replace it with the original download");
            }
            elements *= dims[d];
        }
        long expectedLength = header + elements;
        if (raw.length < expectedLength) {
            throw truncated(file, raw.length, expectedLength);
        }
        if (raw.length > expectedLength) {
            throw new DataFormatException(file + " has " + (raw.length - expectedLength)
                    + " bytes after the declared data; the file is corrupt, replace it with the original download");
        }
        if (expectedMd5 != null) {
            String actual = md5(raw);
            if (!actual.equals(expectedMd5)) {
                throw new DataFormatException(file + " fails its checksum (MD5 of the raw bytes is " + actual
                        + ", expected " + expectedMd5 + "); the file is corrupt or a different version, "
                        + "replace it with the original download");
            }
        }
        return new IdxFile(dims, Arrays.copyOfRange(raw, header, raw.length));
    }

    /** Number of items: the size of the outermost dimension. */
    public int count() {
        return dimensions[0];
    }

    static int expectedMagic(int dimensions) {
        return (UNSIGNED_BYTE << 8) | dimensions;
    }

    private static DataFormatException truncated(Path file, long actual, long needed) {
        return new DataFormatException(file + " is truncated (" + actual + " bytes of data, the header needs "
                + needed + "); download it again");
    }

    private static byte[] decompressedBytes(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + " (" + e.getMessage()
                    + "); check that the file exists and is readable", e);
        }
        boolean gzip = bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b;
        if (!gzip) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (EOFException e) {
            throw new DataFormatException(file + " is a truncated gzip file; download it again", e);
        } catch (ZipException e) {
            throw new DataFormatException(file + " is a corrupt gzip file (" + e.getMessage()
                    + "); download it again", e);
        } catch (IOException e) {
            throw new DataFormatException("cannot decompress " + file + " (" + e.getMessage()
                    + "); download it again", e);
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
