package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigBinder;
import io.delaynet.delay.DelayKind;
import io.delaynet.event.config.DelGradConfig;
import io.delaynet.event.config.DelGradMethod;
import io.delaynet.run.ResolvedConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code network.reuse_roots}: the next layer's half exponentials and the backward pass's
 * e^{-(T - ref)/2} from each spike's closed-form root instead of {@link Math#exp}. Exact as well,
 * so the forward and backward passes must agree with the exponential ones up to rounding: the
 * same causal sets, spike times and gradients to 12 digits. (Bit-equality with the full-list
 * reference is in {@code LazyForwardTest}, finite differences in {@code GradientCheckTest}.)
 */
class RootReuseTest {

    @ParameterizedTest(name = "{0} delays")
    @EnumSource(DelayKind.class)
    void agreesWithTheExponentialsUpToRounding(DelayKind kind) {
        SplittableRandom r = new SplittableRandom(404 + kind.ordinal());
        LifModel model = new LifModel(2.0, 1.0);
        int spikes = 0;
        int differing = 0;
        for (int network = 0; network < 6; network++) {
            EventNetwork exp = GradientCheckTest.randomNetwork(r, model, kind, true, new int[] {6, 20, 12, 4});
            EventNetwork roots = new EventNetwork(model, exp.inputSize(), exp.projections(), true);
            EventTrace a = exp.newTrace();
            EventTrace b = roots.newTrace();
            for (int sample = 0; sample < 16; sample++) {
                double[] input = new double[6];
                for (int i = 0; i < input.length; i++) {
                    input[i] = r.nextInt(10) == 0 ? Double.POSITIVE_INFINITY : r.nextDouble() * 2;
                }
                exp.forward(input, a);
                roots.forward(input, b);
                for (int l = 1; l <= exp.layerCount(); l++) {
                    for (int j = 0; j < a.spikeTimes(l).length; j++) {
                        double ta = a.spikeTimes(l)[j];
                        double tb = b.spikeTimes(l)[j];
                        assertEquals(a.causalSetSize(l, j), b.causalSetSize(l, j), "causal set of " + l + "/" + j);
                        if (Double.isFinite(ta)) {
                            spikes++;
                            differing += ta == tb ? 0 : 1;
                            assertEquals(ta, tb, 1e-12 * Math.max(1, Math.abs(ta)), "spike " + l + "/" + j);
                        } else {
                            assertEquals(ta, tb, "silent " + l + "/" + j);
                        }
                    }
                }
                double[] dOut = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                double[][] ga = exp.newGradients();
                double[][] gb = roots.newGradients();
                exp.setOutputGradient(a, dOut);
                exp.backward(a, ga, Double.POSITIVE_INFINITY);
                roots.setOutputGradient(b, dOut);
                roots.backward(b, gb, Double.POSITIVE_INFINITY);
                for (int g = 0; g < ga.length; g++) {
                    for (int p = 0; p < ga[g].length; p++) {
                        assertEquals(ga[g][p], gb[g][p], 1e-10 * Math.max(1, Math.abs(ga[g][p])), "gradient " + g + "[" + p + "]");
                    }
                }
            }
        }
        assertTrue(spikes > 300, "spikes compared: " + spikes);
        // the roots really replace exponentials: some times differ in the last bits
        assertTrue(differing > 0, "no spike time differed, so the roots were not used");
    }

    @Test
    void theConfigKeyReachesTheEngineAndIsOffByDefault() {
        assertFalse(learner(List.of()).network().reusesRoots());
        assertTrue(learner(List.of("network.reuse_roots=true")).network().reusesRoots());
    }

    @Test
    void withEqualTimeConstantsThereIsNoRootAndNothingChanges() {
        SplittableRandom r = new SplittableRandom(5);
        LifModel model = new LifModel(1.0, 1.0);
        EventNetwork exp = GradientCheckTest.randomNetwork(r, model, DelayKind.SYNAPTIC, true, new int[] {4, 8, 3});
        EventNetwork roots = new EventNetwork(model, exp.inputSize(), exp.projections(), true);
        for (int sample = 0; sample < 20; sample++) {
            double[] input = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
            assertArrayEquals(exp.forward(input, exp.newTrace()).clone(), roots.forward(input, roots.newTrace()), 0.0);
        }
    }

    private static DelGradLearner learner(List<String> sets) {
        DelGradConfig config = ConfigBinder.bind(ResolvedConfig.resolve(null, sets).tree(), DelGradConfig.class, "test");
        return DelGradMethod.learner(config);
    }
}
