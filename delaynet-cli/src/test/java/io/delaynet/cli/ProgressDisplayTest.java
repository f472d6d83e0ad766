package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.train.EpochMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static String drive(ProgressDisplay.Style style, int firstEpoch, int epochs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressDisplay d = ProgressDisplay.create(style, out, firstEpoch, epochs)) {
            for (int e = firstEpoch; e < epochs; e++) {
                for (int b = 0; b < 4; b++) {
                    d.batchDone(e, b, 4, 25 * (b + 1), 0.5 / (b + 1), 0.25 * (b + 1));
                }
                d.epochDone(new EpochMetrics(e, 0.125, 0.75, 0.25, 0.875, 0.01, 0.002, 0));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainLinesShowOneLinePerEpochWithItsMetrics() {
        String out = drive(ProgressDisplay.Style.LINES, 1, 3);
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        assertTrue(lines[0].startsWith("epoch 2/3  train loss 0.1250  acc  75.00 %  val loss 0.2500  acc  87.50 %  "), lines[0]);
        // train and validation seconds apart (0.010 + 0.002): the train part is summary.json's seconds_per_epoch
        assertTrue(lines[0].matches(".* samples/s  train 0\\.01 s \\+ val 0\\.00 s  ETA \\d:\\d\\d:\\d\\d"), lines[0]);
        assertTrue(lines[1].startsWith("epoch 3/3"), lines[1]);
        assertTrue(lines[1].endsWith("ETA 0:00:00"), lines[1]);
    }

    @Test
    void anEpochWithoutValidationSamplesSaysSoInsteadOfNaN() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressDisplay d = ProgressDisplay.create(ProgressDisplay.Style.LINES, p, 0, 1)) {
            d.batchDone(0, 0, 1, 3, 1.0, 0.5);
            d.epochDone(new EpochMetrics(0, 1.0, 0.5, Double.NaN, Double.NaN, 0.01, 0.0, 0));
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("epoch 1/1  train loss 1.0000  acc  50.00 %  no validation samples  "), out);
        assertFalse(out.contains("NaN"), out);
    }

    @Test
    void barsRedrawInPlaceAndLeaveOneLinePerEpoch() {
        String out = drive(ProgressDisplay.Style.BAR, 0, 2);
        assertTrue(out.contains("\r"), "a bar is redrawn with carriage returns");
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        for (int e = 0; e < 2; e++) {
            String finalState = lines[e].substring(lines[e].lastIndexOf('\r') + 1);
            assertTrue(finalState.startsWith("epoch " + (e + 1) + "/2 100%"), finalState);
            assertTrue(finalState.contains("loss 0.1250  acc 100.00 %  val  87.50 %"), finalState);
        }
    }

    @Test
    void quietShowsNothing() {
        assertEquals("", drive(ProgressDisplay.Style.NONE, 0, 2));
    }

    @Test
    void paceFormatsRatesAndClocks() {
        assertEquals("830", EpochPace.rate(830.4));
        assertEquals("12.4k", EpochPace.rate(12_400));
        assertEquals("1.25M", EpochPace.rate(1_250_000));
        assertEquals("1:01:05", EpochPace.clock(Duration.ofSeconds(3665)));
        assertEquals("?", EpochPace.clock(null));
    }
}
