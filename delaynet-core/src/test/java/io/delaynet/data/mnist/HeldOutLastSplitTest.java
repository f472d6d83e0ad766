package io.delaynet.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeldOutLastSplitTest {
    @Test
    void theLastImagesValidate() {
        TrainValidationSplit s = TrainValidationSplit.last(5, 2);
        assertArrayEquals(new int[] {0, 1, 2}, s.train());
        assertArrayEquals(new int[] {3, 4}, s.validation());
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.last(5, 5));
    }
}
