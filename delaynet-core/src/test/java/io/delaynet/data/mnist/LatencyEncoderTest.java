package io.delaynet.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyEncoderTest {
    private final LatencyEncoder reference = new LatencyEncoder(10, 3, false);

    @Test
    void binEdgesFallWhereTheReferenceSinglePrecisionComparisonPutsThem() {
        assertEquals(LatencyEncoder.SILENT, reference.spikeStep(0));
        assertEquals(2, reference.spikeStep(1));
        assertEquals(2, reference.spikeStep(84));
        assertEquals(1, reference.spikeStep(85)); // exactly 1/3
        assertEquals(1, reference.spikeStep(169));
        assertEquals(0, reference.spikeStep(170)); // exactly 2/3
        assertEquals(0, reference.spikeStep(254));
    }

    @Test
    void saturatedPixelIsSilentInTheReferenceAndSpikesFirstWhenFixed() {
        assertEquals(LatencyEncoder.SILENT, reference.spikeStep(255));
        assertEquals(0, new LatencyEncoder(10, 3, true).spikeStep(255));
    }

    @Test
    void moreLevelsGiveLaterSpikesForDimmerPixels() {
        LatencyEncoder five = new LatencyEncoder(8, 5, false);
        assertEquals(4, five.spikeStep(10));
        assertEquals(0, five.spikeStep(250));
        int previous = Integer.MAX_VALUE;
        for (int b = 1; b < 255; b++) {
            int step = five.spikeStep(b);
            assertEquals(true, step <= previous, "brighter pixel spiked later at " + b);
            previous = step;
        }
    }

    @Test
    void needsAStepForEveryLevel() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyEncoder(2, 3, false));
    }
}
