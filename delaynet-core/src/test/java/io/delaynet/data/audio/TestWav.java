package io.delaynet.data.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds WAV files byte by byte, so tests can make both valid and deliberately broken ones. */
final class TestWav {
    private TestWav() {
    }

    /** A canonical 16-bit mono PCM file. */
    static byte[] pcm16(int sampleRate, short[] samples) {
        return build(1, 1, sampleRate, 16, pcmBytes(samples));
    }

    /** A file with the given fmt fields and raw data bytes. */
    static byte[] build(int formatTag, int channels, int sampleRate, int bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + data.length).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) formatTag).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put(ascii("data")).putInt(data.length).put(data);
        return b.array();
    }

    static byte[] pcmBytes(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** A sinusoid at {@code hz} with peak {@code amplitude} (of full scale), {@code seconds} long. */
    static short[] tone(int sampleRate, double hz, double amplitude, double seconds) {
        short[] s = new short[(int) Math.round(seconds * sampleRate)];
        for (int n = 0; n < s.length; n++) {
            s[n] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * n / sampleRate));
        }
        return s;
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
