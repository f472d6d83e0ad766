package io.delaynet.data.yinyang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class YinYangTest {

    @Test
    void firstSamplesMatchTheReference() {
        YinYang.Split train = YinYang.train();
        assertEquals(0.6803075385877797, train.features()[0][0]);
        assertEquals(0.450499251969543, train.features()[0][1]);
        assertEquals(2, train.labels()[0]);
        assertEquals(0.09767211400638387, train.features()[1][0]);
        assertEquals(1, train.labels()[1]);
        assertEquals(0.6805727261759029, YinYang.validation().features()[0][0]);
        assertEquals(0.23409664559563403, YinYang.test().features()[0][0]);
    }

    @Test
    void splitsHashExactlyAsThePublishedArrays() throws Exception {
        assertEquals("f5a4054d56f2a058f8250fba7ff9720458e1625db7af78a295e45701745b2228", sampleHash(YinYang.train()));
        assertEquals("534d12acda4f9dbc7208a99d3646115a4aa7d74ca31d6d23f822079a568559b7", labelHash(YinYang.train()));
        assertEquals("5eac358bdf2122763dce3703a79f3005e56e46a4db25ec329a07333d0f7b8093", sampleHash(YinYang.validation()));
        assertEquals("5a4c2f605814a620f514c1091f10441ce562cd81e902ce701b3cf94ae7576f7d", labelHash(YinYang.validation()));
        assertEquals("7bab3ed668ed4992679cff6339fe21bfe7d0c921ddc6187eaa3bc6ef34b888d7", sampleHash(YinYang.test()));
        assertEquals("daa0f8f4e3b37b1ddec2afee22f09afb768f0e575f3f568e7469f1ebc6af73c1", labelHash(YinYang.test()));
    }

    @Test
    void splitsEqualTheSharedCsvFilesBitForBit() throws IOException {
        String dir = System.getProperty("delaynet.shared.data");
        Path root = dir == null ? null : Path.of(dir, "yin-yang");
        Assumptions.assumeTrue(root != null && Files.isDirectory(root), "shared data not present; skipping CSV comparison");
        check(YinYang.train(), root.resolve("yinyang_train.csv"));
        check(YinYang.validation(), root.resolve("yinyang_validation.csv"));
        check(YinYang.test(), root.resolve("yinyang_test.csv"));
    }

    @Test
    void classCountsMatchThePublishedBalance() {
        int[] counts = new int[3];
        for (int label : YinYang.train().labels()) {
            counts[label]++;
        }
        assertArrayEquals(new int[] {1681, 1702, 1617}, counts);
    }

    @Test
    void encodingMapsValuesToLatenciesAndAppendsBiases() {
        LatencyEncoding e = new LatencyEncoding(0.15, 2.0, new double[] {0.9}, 2);
        assertArrayEquals(new double[] {0.15, 2.0, 0.15, 2.0, 0.9}, e.encode(new double[] {0, 1}), 1e-15);
    }

    private static void check(YinYang.Split split, Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(split.size() + 1, lines.size(), "rows in " + csv);
        for (int i = 0; i < split.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int f = 0; f < 4; f++) {
                assertEquals(Double.parseDouble(cells[f]), split.features()[i][f], 0.0, csv + " row " + i);
            }
            assertEquals((int) Double.parseDouble(cells[4]), split.labels()[i], csv + " row " + i);
        }
    }

    private static String sampleHash(YinYang.Split split) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(split.size() * 4 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : split.features()) {
            for (double v : row) {
                b.putDouble(v);
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    private static String labelHash(YinYang.Split split) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(split.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : split.labels()) {
            b.putLong(v);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }
}
