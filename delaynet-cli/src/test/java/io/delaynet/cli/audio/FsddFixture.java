package io.delaynet.cli.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny FSDD-layout data folder of synthetic tones: the pitch depends on the digit, so digits are separable. */
final class FsddFixture {
    private FsddFixture() {
    }

    /** Writes {@code root}/fsdd/recordings/{digit}_{speaker}_{take}.wav and returns {@code root}. */
    static Path write(Path root, int digits, String[] speakers, int takes) {
        Path dir = root.resolve("fsdd").resolve("recordings");
        for (int d = 0; d < digits; d++) {
            for (int s = 0; s < speakers.length; s++) {
                for (int t = 0; t < takes; t++) {
                    short[] pcm = new short[800 + 40 * ((d + t) % 4)];
                    double hz = 250 + 300 * d + 11 * s + 3 * t;
                    for (int n = 0; n < pcm.length; n++) {
                        pcm[n] = (short) Math.round(12000 * Math.sin(2 * Math.PI * hz * n / 8000));
                    }
                    writeFile(dir.resolve(d + "_" + speakers[s] + "_" + t + ".wav"), wav(pcm));
                }
            }
        }
        return root;
    }

    static byte[] wav(short[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + 2 * pcm.length).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put(ascii("data")).putInt(2 * pcm.length);
        for (short s : pcm) {
            b.putShort(s);
        }
        return b.array();
    }

    static void writeFile(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
