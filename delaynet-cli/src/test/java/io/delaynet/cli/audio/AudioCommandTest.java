package io.delaynet.cli.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.cli.Main;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AudioCommandTest {
    @TempDir
    Path tmp;

    @Test
    void encodeWritesPlotsAndSummaryAndReusesItsCache() throws IOException {
        Path data = FsddFixture.write(tmp.resolve("data"), 3, new String[] {"ann", "bob"}, 2);
        String[] args = {"audio", "encode", "--data-dir", data.toString(), "--cache", tmp.resolve("cache").toString(),
            "--out", tmp.resolve("out").toString(), "--raster", "1_bob_0", "--threads", "2"};
        Result first = run(args);
        assertEquals(0, first.status, first.err);
        assertTrue(first.out.contains("recordings: 12 from"), first.out);
        assertTrue(first.out.contains("encoded on 2 threads"), first.out);
        assertTrue(first.err.contains("encoding: 12/12 (100%)"), first.err);
        for (String png : new String[] {"raster-1_bob_0.png", "class-activity.png"}) {
            BufferedImage image = ImageIO.read(tmp.resolve("out").resolve(png).toFile());
            assertNotNull(image, png);
            assertTrue(image.getWidth() >= 800, png + " width " + image.getWidth());
        }
        Result second = run(args);
        assertEquals(0, second.status, second.err);
        assertTrue(second.out.contains("read from cache"), second.out);
        assertFalse(second.err.contains("encoding:"), "no encoding on a cache hit: " + second.err);
    }

    @Test
    void missingDataDirectoryIsOneLineAndStatusTwo() {
        Result r = run("audio", "encode", "--data-dir", tmp.resolve("absent").toString());
        assertUserError(r, "--data-dir");
    }

    @Test
    void damagedRecordingIsOneLineAndStatusTwo() {
        Path data = FsddFixture.write(tmp.resolve("data"), 2, new String[] {"ann"}, 2);
        Path bad = data.resolve("fsdd/recordings/1_ann_1.wav");
        FsddFixture.writeFile(bad, "RIFF but not really a wave file".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Result r = run("audio", "encode", "--data-dir", data.toString(), "--cache", tmp.resolve("cache").toString(),
                "--out", tmp.resolve("out").toString());
        assertUserError(r, "1_ann_1.wav: is not a WAV file");
    }

    @Test
    void unknownRasterRecordingIsAUserError() {
        Path data = FsddFixture.write(tmp.resolve("data"), 1, new String[] {"ann"}, 1);
        Result r = run("audio", "encode", "--data-dir", data.toString(), "--cache", tmp.resolve("cache").toString(),
                "--out", tmp.resolve("out").toString(), "--raster", "9_zed_9");
        assertUserError(r, "no recording named 9_zed_9");
    }

    @Test
    void baselineSeparatesSyntheticDigits() {
        Path data = FsddFixture.write(tmp.resolve("data"), 3, new String[] {"ann", "bob"}, 7);
        Result r = run("audio", "baseline", "--data-dir", data.toString(), "--cache", tmp.resolve("cache").toString(),
                "--epochs", "20");
        assertEquals(0, r.status, r.err);
        Matcher m = Pattern.compile("official split .*: train 12, test 30 recordings; .* test accuracy ([0-9.]+) %")
                .matcher(r.out);
        assertTrue(m.find(), r.out);
        assertTrue(Double.parseDouble(m.group(1)) >= 90, r.out);
        assertTrue(r.out.contains("confusion"), r.out);
    }

    @Test
    void unknownSpeakerIsAUserErrorBeforeAnyWork() {
        Path data = FsddFixture.write(tmp.resolve("data"), 1, new String[] {"ann"}, 1);
        Result r = run("audio", "baseline", "--data-dir", data.toString(), "--cache", tmp.resolve("cache").toString(),
                "--leave-out", "zed");
        assertUserError(r, "unknown speaker 'zed'; choose one of [ann]");
        assertEquals("", r.out);
    }

    @Test
    void benchPrintsItsRatios() {
        Path data = FsddFixture.write(tmp.resolve("data"), 2, new String[] {"ann"}, 2);
        Result r = run("bench", "audio", "--data-dir", data.toString(), "--direct-sample", "2", "--repeat", "1");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("ratio 1 thread / "), r.out);
        assertTrue(r.out.contains("ratio direct convolution / recursive filterbank: "), r.out);
    }

    @Test
    void badChannelCountIsAUsageError() {
        Result r = run("audio", "encode", "--channels", "0");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("--channels must be between 1 and 65536"), r.err);
    }

    private static void assertUserError(Result r, String expected) {
        assertEquals(2, r.status, r.err);
        // Progress lines may come first; the error is the single last line.
        List<String> lines = r.err.strip().lines().toList();
        String last = lines.getLast();
        assertTrue(last.startsWith("delaynet: ") && last.contains(expected), r.err);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("delaynet: ")).count(), r.err);
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), "no stack trace: " + r.err);
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(status, out.toString(), err.toString());
    }
}
