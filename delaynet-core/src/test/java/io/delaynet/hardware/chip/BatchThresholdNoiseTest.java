package io.delaynet.hardware.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.delaynet.delay.DelayKind;
import io.delaynet.event.LifModel;
import io.delaynet.model.Connection;
import io.delaynet.hardware.ChipNetwork;
import io.delaynet.model.NetworkDescription;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Threshold noise drawn per batch (the DelGrad reference's batch-to-batch noise): one draw per
 * neuron for a whole trial group, the high 32 bits of the trial identifier.
 */
class BatchThresholdNoiseTest {
    private static final ChipParameters IDEAL = ChipParameters.ideal();

    private static EmulatedChip chip(String per, double sd) {
        EmulatedChip c = new EmulatedChip(new ChipParameters(IDEAL.mismatch(), new ChipParameters.TrialNoise(0, sd, 0, per),
                IDEAL.weights(), IDEAL.delays(), IDEAL.readout()), 1, 3);
        c.load(ChipNetwork.of(new LifModel(1.0, 2.6), 1, List.of(ChipNetwork.layer(1, 1, new double[] {8.0},
                DelayKind.NONE, new double[1]))));
        return c;
    }

    private static double time(EmulatedChip chip, long group, int sample) {
        return chip.run(new double[] {0.0}, (group << 32) | sample).output()[0];
    }

    @Test
    void everySampleOfABatchSharesItsThresholdDrawAndBatchesDiffer() {
        EmulatedChip perBatch = chip("batch", 0.04);
        double first = time(perBatch, 5, 0);
        for (int sample = 1; sample < 40; sample++) {
            assertEquals(first, time(perBatch, 5, sample), 0.0, "one draw for the batch");
        }
        assertNotEquals(first, time(perBatch, 6, 0), "the next batch draws anew");
        EmulatedChip perRun = chip("run", 0.04);
        assertNotEquals(time(perRun, 5, 0), time(perRun, 5, 1), "per run, each sample draws its own");
    }

    @Test
    void theBatchDrawsHaveTheConfiguredSpread() {
        EmulatedChip exact = chip("batch", 0);
        double ideal = time(exact, 0, 0);
        double slope = 8.0 * (1 - ideal) * Math.exp(-ideal); // u'(T) of one weight-8 input, tau_m = tau_s
        EmulatedChip perBatch = chip("batch", 0.01);
        double[] shifts = new double[4000];
        for (int g = 0; g < shifts.length; g++) {
            shifts[g] = (time(perBatch, g, g % 7) - ideal) * slope; // the threshold deviation, to first order
        }
        double mean = Arrays.stream(shifts).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(shifts).map(s -> (s - mean) * (s - mean)).sum() / (shifts.length - 1));
        assertEquals(0.01, sd, 0.0006);
        assertEquals(0, mean, 0.0006);
    }
}
