package io.delaynet.data.audio;

import io.delaynet.data.DataFormatException;
import io.delaynet.data.DataNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files holding uncompressed 16-bit mono PCM, the format of the spoken-digit
 * recordings. Anything else is refused with a {@link DataFormatException} that says what was found
 * and how to convert it, rather than guessed at: a silently misread stereo or 24-bit file would give
 * plausible-looking but wrong spikes.
 */
public final class WavReader {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final String CONVERT = "convert it to 16-bit mono PCM WAV, e.g. sox IN -b 16 -c 1 -e signed OUT.wav";

    private WavReader() {
    }

    /**
     * Reads {@code file} and checks that its rate is {@code expectedSampleRate}.
     *
     * @throws DataFormatException   for a damaged file or one in another format
     * @throws DataNotFoundException when the file does not exist
     */
    public static AudioClip read(Path file, int expectedSampleRate) {
        AudioClip clip = read(file);
        if (clip.sampleRate() != expectedSampleRate) {
            throw new DataFormatException(file + ": sample rate is " + clip.sampleRate() + " Hz, expected "
                    + expectedSampleRate + " Hz", "resample it, e.g. sox IN -r " + expectedSampleRate + " OUT.wav");
        }
        return clip;
    }

    /** Reads {@code file} at whatever sample rate it has. */
    public static AudioClip read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataNotFoundException(file + ": no such file", "check the path");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(bytes, file.toString());
    }

    /** Parses the bytes of a WAV file; {@code name} is used in error messages. */
    public static AudioClip parse(byte[] bytes, String name) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(bytes, 0, "RIFF") || !tag(bytes, 8, "WAVE")) {
            throw damaged(name, "is not a WAV file (no RIFF/WAVE header)");
        }
        Format format = null;
        int pos = 12;
        // Chunks other than "fmt " and "data" (LIST, fact, ...) are legal and skipped.
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(in.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + size > bytes.length) {
                    throw damaged(name, "has a truncated fmt chunk");
                }
                format = Format.parse(in, body, (int) size, name);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw damaged(name, "has its data chunk before the fmt chunk");
                }
                long available = bytes.length - body;
                if (size > available) {
                    throw damaged(name, "is truncated: the data chunk declares " + size + " bytes but only "
                            + available + " follow");
                }
                if (size % 2 != 0) {
                    throw damaged(name, "has a data chunk of " + size + " bytes, not a whole number of 16-bit samples");
                }
                if (size == 0) {
                    throw new DataFormatException(name + ": contains no samples", "remove the empty recording");
                }
                return new AudioClip(format.sampleRate(), samples(in, body, (int) (size / 2)));
            }
            // RIFF pads odd-sized chunks to an even length.
            long next = body + size + (size & 1);
            if (next > bytes.length) {
                break;
            }
            pos = (int) next;
        }
        throw damaged(name, format == null ? "has no fmt chunk" : "has no data chunk");
    }

    private static float[] samples(ByteBuffer in, int offset, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = in.getShort(offset + 2 * i) / 32768f;
        }
        return out;
    }

    private static boolean tag(byte[] bytes, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (bytes[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static DataFormatException damaged(String name, String problem) {
        return new DataFormatException(name + ": " + problem, "replace it with an intact copy or " + CONVERT);
    }

    /** The fields of the fmt chunk we rely on, already checked. */
    private record Format(int sampleRate) {
        static Format parse(ByteBuffer in, int at, int size, String name) {
            int tag = Short.toUnsignedInt(in.getShort(at));
            int channels = Short.toUnsignedInt(in.getShort(at + 2));
            int sampleRate = in.getInt(at + 4);
            int bits = Short.toUnsignedInt(in.getShort(at + 14));
            if (tag == FORMAT_EXTENSIBLE && size >= 26) {
                // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
                tag = Short.toUnsignedInt(in.getShort(at + 24));
            }
            if (tag != FORMAT_PCM) {
                throw new DataFormatException(name + ": is compressed or floating-point WAV (format tag " + tag
                        + "), not integer PCM", CONVERT);
            }
            if (channels != 1) {
                throw new DataFormatException(name + ": has " + channels + " channels, expected mono", CONVERT);
            }
            if (bits != 16) {
                throw new DataFormatException(name + ": has " + bits + "-bit samples, expected 16-bit", CONVERT);
            }
            if (sampleRate <= 0) {
                throw damaged(name, "declares a sample rate of " + Integer.toUnsignedString(sampleRate) + " Hz");
            }
            return new Format(sampleRate);
        }
    }
}
