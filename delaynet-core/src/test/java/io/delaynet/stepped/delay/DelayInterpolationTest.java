package io.delaynet.stepped.delay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DelayInterpolationTest {
    private final Taps taps = new Taps(16);

    @Test
    void integerShiftFloorsOrRoundsAndCarriesTheFiniteDifference() {
        new DelayInterpolation.IntegerShift(Rounding.FLOOR).taps(2.7, taps);
        assertEquals(2, taps.count());
        assertEquals(2, taps.offset(0));
        assertEquals(1.0, taps.value(0));
        assertEquals(-1.0, taps.slope(0));
        assertEquals(3, taps.offset(1));
        assertEquals(0.0, taps.value(1));
        assertEquals(1.0, taps.slope(1));
        new DelayInterpolation.IntegerShift(Rounding.ROUND).taps(2.7, taps);
        assertEquals(3, taps.offset(0));
        new DelayInterpolation.IntegerShift(Rounding.ROUND).taps(2.5, taps);
        assertEquals(3, taps.offset(0), "half rounds up");
        new DelayInterpolation.IntegerShift(Rounding.ROUND).taps(2.49, taps);
        assertEquals(2, taps.offset(0));
    }

    @Test
    void deploymentRoundsInterpolatedDelaysAndKeepsAShiftsOwnRule() {
        assertEquals(3, new DelayInterpolation.Linear().deployedSteps(2.6));
        assertEquals(2, new DelayInterpolation.Linear().deployedSteps(2.4));
        assertEquals(3, new DelayInterpolation.Gaussian(0.5).deployedSteps(2.5));
        assertEquals(2, new DelayInterpolation.IntegerShift(Rounding.FLOOR).deployedSteps(2.9));
        assertEquals(3, new DelayInterpolation.IntegerShift(Rounding.ROUND).deployedSteps(2.9));
    }

    @Test
    void linearSplitsTheSpikeBetweenNeighbouringSteps() {
        new DelayInterpolation.Linear().taps(1.25, taps);
        assertEquals(1, taps.offset(0));
        assertEquals(0.75, taps.value(0), 1e-15);
        assertEquals(2, taps.offset(1));
        assertEquals(0.25, taps.value(1), 1e-15);
    }

    @Test
    void gaussianTapsSumToOneAndTheirSlopesAreTheirDerivatives() {
        DelayInterpolation g = new DelayInterpolation.Gaussian(0.7);
        for (double d : new double[] {0.3, 1.5, 2.2, 5.8}) {
            g.taps(d, taps);
            double sum = 0;
            double mean = 0;
            int count = taps.count();
            int[] offsets = new int[count];
            double[] values = new double[count];
            double[] slopes = new double[count];
            for (int k = 0; k < count; k++) {
                sum += taps.value(k);
                mean += taps.value(k) * taps.offset(k);
                offsets[k] = taps.offset(k);
                values[k] = taps.value(k);
                slopes[k] = taps.slope(k);
                assertTrue(taps.offset(k) >= 0, "causal");
            }
            assertEquals(1.0, sum, 1e-12);
            if (d > 3) {
                assertEquals(d, mean, 0.02, "the bump is centred on the delay");
            }
            double h = 1e-6;
            g.taps(d + h, taps);
            double[] plus = new double[count];
            for (int k = 0; k < count; k++) {
                assertEquals(offsets[k], taps.offset(k));
                plus[k] = taps.value(k);
            }
            g.taps(d - h, taps);
            for (int k = 0; k < count; k++) {
                assertEquals((plus[k] - taps.value(k)) / (2 * h), slopes[k], 1e-7, "d=" + d + " tap " + k);
            }
        }
        assertTrue(g.maxTaps() >= 2 * 3 + 2);
    }

    @Test
    void boundsClampAndRejectNegativeDelays() {
        double[] d = {-1, 0.5, 9};
        new DelayBounds(0.25, 4).clamp(d);
        assertArrayEquals(new double[] {0.25, 0.5, 4}, d);
        assertThrows(IllegalArgumentException.class, () -> new DelayBounds(-0.5, 3));
    }

    @Test
    void bufferHoldsMaxDelayPlusOneStepsOfHistory() {
        DelayBuffer b = new DelayBuffer(2, 3);
        assertEquals(4, b.slots());
        for (int t = 0; t < 7; t++) {
            b.push(new double[] {t, 10 * t}, 0);
            for (int d = 0; d <= 3; d++) {
                double expected = t - d < 0 ? 0 : t - d;
                assertEquals(expected, b.read(0, d), "step " + t + " delay " + d);
                assertEquals(10 * expected, b.read(1, d));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> b.read(0, 4));
        b.clear();
        b.push(new double[] {5, 6}, 0);
        assertEquals(0, b.read(0, 1));
    }
}
