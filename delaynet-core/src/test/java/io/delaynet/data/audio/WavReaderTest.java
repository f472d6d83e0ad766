package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.data.DataFormatException;
import io.delaynet.data.DataNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsSixteenBitMonoScaledToUnitRange() {
        short[] pcm = {0, 16384, -32768, 32767, -1};
        AudioClip clip = WavReader.parse(TestWav.pcm16(8000, pcm), "t.wav");
        assertEquals(8000, clip.sampleRate());
        assertArrayEquals(new float[] {0f, 0.5f, -1f, 32767 / 32768f, -1 / 32768f}, clip.samplesCopy());
        assertEquals(5 / 8000.0, clip.duration(), 1e-12);
    }

    @Test
    void skipsOtherChunksIncludingOddSizedOnes() {
        byte[] plain = TestWav.pcm16(8000, new short[] {100, -200, 300});
        // Insert a 3-byte LIST chunk (padded to 4) between the RIFF header and "fmt ".
        ByteBuffer b = ByteBuffer.allocate(plain.length + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.put(plain, 0, 12).put(TestWav.ascii("LIST")).putInt(3).put(new byte[] {1, 2, 3, 0}).put(plain, 12, plain.length - 12);
        b.putInt(4, plain.length + 12 - 8);
        AudioClip clip = WavReader.parse(b.array(), "list.wav");
        assertArrayEquals(new float[] {100 / 32768f, -200 / 32768f, 300 / 32768f}, clip.samplesCopy());
    }

    @Test
    void readsARealRecording() throws IOException {
        Path dir = SharedData.fsddRecordingsOrSkip();
        Path file = dir.resolve("0_george_0.wav");
        AudioClip clip = WavReader.read(file, 8000);
        assertEquals((Files.size(file) - 44) / 2, clip.length());
        assertTrue(clip.peak() > 0.05f && clip.peak() <= 1f, "peak " + clip.peak());
    }

    @Test
    void truncatedCopyOfARealRecordingIsRefused() throws IOException {
        Path dir = SharedData.fsddRecordingsOrSkip();
        byte[] bytes = Files.readAllBytes(dir.resolve("3_theo_7.wav"));
        Path damaged = TestWav.write(tmp.resolve("3_theo_7.wav"), Arrays.copyOf(bytes, bytes.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> WavReader.read(damaged, 8000));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertOneLineWithFix(e);
    }

    @Test
    void wrongRiffMagicIsRefused() {
        byte[] bytes = TestWav.pcm16(8000, new short[] {1, 2});
        bytes[0] = 'X';
        assertRefused(bytes, "not a WAV file");
    }

    @Test
    void wrongWaveMagicIsRefused() {
        byte[] bytes = TestWav.pcm16(8000, new short[] {1, 2});
        bytes[8] = 'A';
        bytes[9] = 'V';
        bytes[10] = 'I';
        bytes[11] = ' ';
        assertRefused(bytes, "not a WAV file");
    }

    @Test
    void tinyFileIsRefused() {
        assertRefused(new byte[] {'R', 'I', 'F'}, "not a WAV file");
    }

    @Test
    void floatingPointWavIsRefused() {
        assertRefused(TestWav.build(3, 1, 8000, 32, new byte[8]), "not integer PCM");
    }

    @Test
    void stereoIsRefused() {
        assertRefused(TestWav.build(1, 2, 8000, 16, new byte[8]), "2 channels");
    }

    @Test
    void otherBitDepthsAreRefused() {
        assertRefused(TestWav.build(1, 1, 8000, 8, new byte[8]), "8-bit");
        assertRefused(TestWav.build(1, 1, 8000, 24, new byte[9]), "24-bit");
    }

    @Test
    void truncatedDataChunkIsRefused() {
        byte[] bytes = TestWav.pcm16(8000, new short[] {1, 2, 3, 4});
        assertRefused(Arrays.copyOf(bytes, bytes.length - 3), "truncated");
    }

    @Test
    void oddDataLengthIsRefused() {
        assertRefused(TestWav.build(1, 1, 8000, 16, new byte[5]), "whole number of 16-bit samples");
    }

    @Test
    void missingChunksAreRefused() {
        byte[] bytes = TestWav.pcm16(8000, new short[] {1, 2});
        assertRefused(Arrays.copyOf(bytes, 36), "no data chunk");
        byte[] noFmt = Arrays.copyOf(bytes, bytes.length);
        System.arraycopy(TestWav.ascii("junk"), 0, noFmt, 12, 4);
        assertRefused(noFmt, "data chunk before the fmt chunk");
    }

    @Test
    void emptyRecordingIsRefused() {
        assertRefused(TestWav.pcm16(8000, new short[0]), "no samples");
    }

    @Test
    void wrongSampleRateIsRefusedWhenARateIsRequired() {
        Path file = TestWav.write(tmp.resolve("fast.wav"), TestWav.pcm16(16000, new short[] {1, 2}));
        DataFormatException e = assertThrows(DataFormatException.class, () -> WavReader.read(file, 8000));
        assertTrue(e.getMessage().contains("16000 Hz, expected 8000 Hz"), e.getMessage());
        assertEquals(16000, WavReader.read(file).sampleRate());
    }

    @Test
    void missingFileIsReportedAsNotFound() {
        assertThrows(DataNotFoundException.class, () -> WavReader.read(tmp.resolve("absent.wav"), 8000));
    }

    private void assertRefused(byte[] bytes, String expectedProblem) {
        Path file = TestWav.write(tmp.resolve("bad.wav"), bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> WavReader.read(file, 8000));
        assertTrue(e.getMessage().contains(expectedProblem), "message: " + e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertOneLineWithFix(e);
    }

    static void assertOneLineWithFix(DataFormatException e) {
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.fix().isBlank());
        assertTrue(e.getMessage().endsWith(e.fix()));
    }
}
