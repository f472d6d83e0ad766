package io.delaynet.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.delaynet.util.RandomStreams;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainValidationSplitTest {
    @Test
    void referenceSizesPartitionTheTrainingSet() {
        TrainValidationSplit s = TrainValidationSplit.draw(60000, 12000, new RandomStreams(1).stream("split"));
        assertEquals(48000, s.train().length);
        assertEquals(12000, s.validation().length);
        boolean[] seen = new boolean[60000];
        for (int i : s.train()) {
            seen[i] = true;
        }
        for (int i : s.validation()) {
            assertFalse(seen[i], "image " + i + " is in both parts");
            seen[i] = true;
        }
        for (boolean b : seen) {
            assertEquals(true, b);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        TrainValidationSplit a = TrainValidationSplit.draw(60000, 12000, new RandomStreams(7).stream("split"));
        TrainValidationSplit b = TrainValidationSplit.draw(60000, 12000, new RandomStreams(7).stream("split"));
        TrainValidationSplit c = TrainValidationSplit.draw(60000, 12000, new RandomStreams(8).stream("split"));
        assertArrayEquals(a.validation(), b.validation());
        assertFalse(Arrays.equals(a.validation(), c.validation()));
    }

    @Test
    void validationIsNotJustTheLastImages() {
        TrainValidationSplit s = TrainValidationSplit.draw(60000, 12000, new RandomStreams(1).stream("split"));
        long early = Arrays.stream(s.validation()).filter(i -> i < 30000).count();
        assertEquals(6000, early, 400); // about half of a random 12k subset comes from the first half
    }
}
