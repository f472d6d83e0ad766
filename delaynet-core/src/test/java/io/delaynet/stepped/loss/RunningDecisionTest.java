package io.delaynet.stepped.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delaynet.train.DecisionLatency;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The running decision ends at {@link Decision#predict}'s answer, and its decision step is the
 * definition's: the smallest s after which the decision on every longer prefix is the final one,
 * checked against a brute force over all prefixes on random outputs (ties included).
 */
class RunningDecisionTest {
    private static final int CLASSES = 4;

    @ParameterizedTest
    @EnumSource(Decision.class)
    void endsAtThePredictionAndSettlesWhereTheBruteForceSays(Decision decision) {
        SplittableRandom random = new SplittableRandom(11);
        RunningDecision running = new RunningDecision(decision, CLASSES);
        int settledBeforeTheEnd = 0;
        for (int trial = 0; trial < 400; trial++) {
            int steps = 1 + random.nextInt(30);
            double[] out = new double[steps * CLASSES];
            boolean spiking = decision == Decision.EARLIEST_SPIKE || decision == Decision.MOST_SPIKES;
            for (int i = 0; i < out.length; i++) {
                // small integers make ties frequent; spikes are sparse
                out[i] = spiking ? (random.nextDouble() < 0.08 ? 1 : 0) : random.nextInt(5) - 2;
            }
            running.reset();
            for (int t = 0; t < steps; t++) {
                running.advance(out, t * CLASSES);
                assertEquals(decision.predict(out, t + 1, CLASSES), running.current(), decision + " prefix " + (t + 1));
            }
            int expected = bruteForce(decision, out, steps);
            assertEquals(expected, running.settledStep(), decision + " trial " + trial);
            assertEquals(expected, RunningDecision.settledStep(decision, out, steps, CLASSES));
            settledBeforeTheEnd += expected < steps ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(settledBeforeTheEnd > 50, "the cases must not all settle at the end");
    }

    @Test
    void aReadoutThatTakesTheLeadAtStepThreeDecidesAtStepThree() {
        double[] y = {
                1, 0, // step 1: class 0 ahead
                0, 0.5, // 2: still 0 (1 against 0.5)
                0, 1, // 3: class 1 ahead (1 against 1.5)
                0.2, 0.1}; // 4: class 1 stays ahead
        assertEquals(3, RunningDecision.settledStep(Decision.MEAN_OUTPUT, y, 4, 2));
        assertEquals(1, Decision.MEAN_OUTPUT.predict(y, 4, 2));
        // max over time: class 0 reaches 1 at step 1 and class 1 only ties it at step 3 (ties to the lower index)
        assertEquals(1, RunningDecision.settledStep(Decision.MAX_OUTPUT, y, 4, 2));
    }

    @Test
    void latencyIsTheMeanAndMedianOfTheKnownSteps() {
        DecisionLatency l = DecisionLatency.of(new int[] {10, -1, 4, 30, 6});
        assertEquals(4, l.samples());
        assertEquals(12.5, l.meanSteps());
        assertEquals(8.0, l.medianSteps());
        assertEquals(6.0, DecisionLatency.of(new int[] {6, 4, 30}).medianSteps());
        org.junit.jupiter.api.Assertions.assertFalse(DecisionLatency.of(new int[] {-1, -1}).known());
        org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(DecisionLatency.of(new int[0]).meanSteps()));
    }

    /** The definition, literally: the smallest s with predict(first s' steps) == predict(all) for all s' >= s. */
    private static int bruteForce(Decision decision, double[] out, int steps) {
        int last = decision.predict(out, steps, CLASSES);
        int s = steps;
        while (s > 1 && decision.predict(out, s - 1, CLASSES) == last) {
            s--;
        }
        return s;
    }
}
