package io.delaynet.hardware.chip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.event.LifModel;
import io.delaynet.model.Connection;
import io.delaynet.hardware.ChipNetwork;
import io.delaynet.model.NetworkDescription;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed-pattern mismatch of the synapse circuits: its statistics, its structure, its scale. */
class SynapseMismatchTest {
    private static final ChipParameters IDEAL = ChipParameters.ideal();
    private static final ChipParameters.WeightResolution GRID = new ChipParameters.WeightResolution(6, 1.0 / 30);

    private static ChipParameters withWeightMismatch(double sd) {
        return new ChipParameters(new ChipParameters.Mismatch(0, 0, 0, 0, 0, sd), IDEAL.trial(), GRID, IDEAL.delays(),
                IDEAL.readout());
    }

    /** A pre x post layer whose every weight is w. */
    private static NetworkDescription layer(int pre, int post, double w) {
        double[] weights = new double[pre * post];
        Arrays.fill(weights, w);
        return ChipNetwork.of(new LifModel(1.0, 2.6), pre, List.of(ChipNetwork.layer(pre, post, weights,
                DelayKind.NONE, new double[pre * post])));
    }

    private static double[] gains(EmulatedChip chip, double w) {
        double[] realised = chip.loaded().get(0).weights();
        double level = GRID.quantise(w);
        double[] g = new double[realised.length];
        for (int s = 0; s < g.length; s++) {
            g[s] = realised[s] / level;
        }
        return g;
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double sd(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }

    @Test
    void eachSynapseScalesItsGridWeightByAFixedGainOfTheConfiguredRelativeSpread() {
        int pre = 80;
        int post = 50; // 4000 synapses: standard error of the sd 1.1 %
        EmulatedChip chip = new EmulatedChip(withWeightMismatch(0.1), 5, 0);
        chip.load(layer(pre, post, 1.0));
        double[] g = gains(chip, 1.0);
        assertEquals(1.0, mean(g), 0.005);
        assertEquals(0.1, sd(g), 0.004);
        // independent from synapse to synapse: neighbours are uncorrelated
        double c = 0;
        for (int s = 0; s + 1 < g.length; s++) {
            c += (g[s] - 1) * (g[s + 1] - 1);
        }
        assertEquals(0, c / (g.length - 1) / 0.01, 0.06, "lag-1 correlation");

        EmulatedChip reloaded = new EmulatedChip(withWeightMismatch(0.1), 5, 99);
        reloaded.load(layer(pre, post, 0.5));
        assertArrayEquals(g, gains(reloaded, 0.5), 1e-12, "the same circuits keep their gains whatever is loaded");
        EmulatedChip other = new EmulatedChip(withWeightMismatch(0.1), 6, 0);
        other.load(layer(pre, post, 1.0));
        assertFalse(Arrays.equals(g, gains(other, 1.0)), "another chip, other circuits");
    }

    @Test
    void excitatoryAndInhibitoryCircuitsOfAConnectionDrawApartAndZeroStaysZero() {
        EmulatedChip chip = new EmulatedChip(withWeightMismatch(0.1), 5, 0);
        chip.load(layer(20, 20, 1.0));
        double[] excitatory = gains(chip, 1.0);
        chip.load(layer(20, 20, -1.0));
        double[] inhibitory = gains(chip, -1.0);
        int equal = 0;
        for (int s = 0; s < excitatory.length; s++) {
            assertTrue(inhibitory[s] >= 0, "a synapse never changes sign");
            equal += excitatory[s] == inhibitory[s] ? 1 : 0;
        }
        assertEquals(0, equal, "the two circuits of a connection are different transistors");
        chip.load(layer(20, 20, 0.0));
        for (double w : chip.loaded().get(0).weights()) {
            assertEquals(0.0, w, "no weight, no current");
        }
    }

    @Test
    void theNoiseScaleScalesTheGainsAndNoMismatchLeavesTheGridExact() {
        EmulatedChip once = new EmulatedChip(withWeightMismatch(0.05), 7, 0);
        EmulatedChip twice = new EmulatedChip(withWeightMismatch(0.05).scaled(2), 7, 0);
        once.load(layer(10, 10, 1.0));
        twice.load(layer(10, 10, 1.0));
        double[] a = gains(once, 1.0);
        double[] b = gains(twice, 1.0);
        for (int s = 0; s < a.length; s++) {
            assertEquals(2 * (a[s] - 1), b[s] - 1, 1e-12);
        }
        EmulatedChip none = new EmulatedChip(withWeightMismatch(0), 7, 0);
        none.load(layer(10, 10, 1.0));
        for (double w : none.loaded().get(0).weights()) {
            assertEquals(GRID.quantise(1.0), w, 0.0);
        }
    }
}
