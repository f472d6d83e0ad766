package io.delaynet.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DelayDistributionTest {

    private static DelayDistribution of(double... delays) {
        return new DelayDistribution("layer1.delays", "test", delays, 0.0, 10.0, "τ_s");
    }

    private static double[] spread(int n, double from, double to) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = from + (to - from) * i / (n - 1);
        }
        return d;
    }

    @Test
    void delaysInsideTheRangeAreNotFlagged() {
        DelayDistribution d = of(spread(100, 1, 9));
        assertEquals(0.0, d.fractionAtLower());
        assertEquals(0.0, d.fractionAtUpper());
        assertFalse(d.crowdedAtBounds());
        assertTrue(d.warning().isEmpty());
    }

    @Test
    void countsDelaysWithinOnePercentOfEitherEnd() {
        double[] d = spread(100, 1, 9);
        d[0] = 0.05;   // within 0.1 of the lower bound
        d[1] = 0.1;    // exactly on the band's edge counts
        d[2] = 0.11;   // just outside
        d[3] = 9.95;
        d[4] = 10.0;
        DelayDistribution dist = of(d);
        assertEquals(0.02, dist.fractionAtLower(), 1e-12);
        assertEquals(0.02, dist.fractionAtUpper(), 1e-12);
        assertFalse(dist.crowdedAtBounds(), "4 % in the end bands is below the 5 % threshold");
    }

    @Test
    void flagsMoreThanFivePercentAtTheBounds() {
        double[] d = spread(100, 1, 9);
        for (int i = 0; i < 6; i++) {
            d[i] = 9.99;
        }
        DelayDistribution dist = of(d);
        assertTrue(dist.crowdedAtBounds());
        String warning = dist.warning().orElseThrow();
        assertTrue(warning.startsWith("layer1.delays: "), warning);
        assertTrue(warning.contains("6.0 % of the upper bound"), warning);
    }

    @Test
    void clippedDelaysWithoutAMaximumAreFlaggedWhenTheyPileUpOnTheMinimum() {
        // clip without max: upper bound +inf; delays clipped onto the minimum have stopped learning (issue 16)
        DelayDistribution all = new DelayDistribution("x", "test", new double[] {0, 0, 0}, 0, Double.POSITIVE_INFINITY, "ms");
        assertTrue(all.crowdedAtBounds());
        assertEquals(1.0, all.fractionAtLower());
        assertEquals(0.0, all.fractionAtUpper(), "no upper bound to sit at");
        assertTrue(all.warning().orElseThrow().contains("100.0 % of delays within 1 % of the lower bound 0.00"),
                all.warning().orElseThrow());
        double[] spread = new double[100];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = i < 3 ? 0.5 : 0.5 + i; // 3 % at the minimum 0.5, the rest spread up to 99.5
        }
        DelayDistribution few = new DelayDistribution("x", "test", spread, 0.5, Double.POSITIVE_INFINITY, "ms");
        assertEquals(0.03, few.fractionAtLower(), 1e-12);
        assertFalse(few.crowdedAtBounds(), "3 % at the minimum is under the 5 % threshold");
        spread[3] = spread[4] = spread[5] = 0.5 + 0.005 * 99; // within 1 % of the span above the minimum
        assertTrue(new DelayDistribution("x", "test", spread, 0.5, Double.POSITIVE_INFINITY, "ms").crowdedAtBounds());
    }
}
