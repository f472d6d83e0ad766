package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer against PyTorch's documented algorithm ({@link OptimizerReference}), for several
 * steps on random gradients, with two trainable groups of different learning rates that change
 * from step to step (as a schedule would) and a frozen group that must not move.
 */
class OptimizerReferenceTest {
    private static final int STEPS = 12;
    private static final double TOLERANCE = 1e-15;
    private static final Map<String, Double> BASE_RATES = Map.of("weights", 0.05, "delays", 0.02);

    /** The three groups: weights (7), frozen (3), delays (5), with random starting values. */
    private static List<ParameterGroup> groups(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return List.of(new ParameterGroup("w", r.doubles(7, -1, 1).toArray(), "weights", true),
                new ParameterGroup("frozen", r.doubles(3, -1, 1).toArray(), "weights", false),
                new ParameterGroup("d", r.doubles(5, -1, 1).toArray(), "delays", true));
    }

    /** One reference stepper per group; frozen groups get none. */
    private interface ReferenceStep {
        void step(double[] theta, double[] grad, double gamma);
    }

    private static double rate(String key, int step) {
        return BASE_RATES.get(key) * Math.pow(0.9, step);
    }

    private static void compare(Optimizer optimizer, List<ParameterGroup> groups, IntFunction<ReferenceStep> reference) {
        List<double[]> expected = new ArrayList<>();
        List<ReferenceStep> refs = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            expected.add(groups.get(g).values().clone());
            refs.add(groups.get(g).trainable() ? reference.apply(groups.get(g).size()) : null);
        }
        double[] frozen = groups.get(1).values().clone();
        SplittableRandom r = new SplittableRandom(99);
        for (int step = 0; step < STEPS; step++) {
            double[][] grads = new double[groups.size()][];
            for (int g = 0; g < groups.size(); g++) {
                // mixed scales, so that epsilon and the square roots matter
                grads[g] = r.doubles(groups.get(g).size()).map(u -> (u - 0.5) * Math.pow(10, 4 * u - 3)).toArray();
            }
            int s = step;
            optimizer.step(grads, key -> rate(key, s));
            for (int g = 0; g < groups.size(); g++) {
                if (refs.get(g) != null) {
                    refs.get(g).step(expected.get(g), grads[g], rate(groups.get(g).rateKey(), s));
                }
            }
        }
        assertEquals(STEPS, optimizer.steps());
        for (int g = 0; g < groups.size(); g++) {
            double[] got = groups.get(g).values();
            double[] want = expected.get(g);
            for (int i = 0; i < got.length; i++) {
                assertEquals(want[i], got[i], TOLERANCE * Math.max(1, Math.abs(want[i])),
                        optimizer.type() + " group " + groups.get(g).name() + "[" + i + "]");
            }
        }
        assertArrayEquals(frozen, groups.get(1).values(), 0.0, "frozen groups never move");
        assertTrue(movedFrom(groups(7).get(0).values(), groups.get(0).values()), "the optimizer did something");
    }

    private static boolean movedFrom(double[] start, double[] now) {
        for (int i = 0; i < start.length; i++) {
            if (Math.abs(start[i] - now[i]) > 1e-3) {
                return true;
            }
        }
        return false;
    }

    @Test
    void adamFollowsTorchOptimAdam() {
        List<ParameterGroup> g = groups(7);
        compare(new Adam(g, 0.9, 0.999, 1e-8, false), g,
                n -> new OptimizerReference.AdamRef(n, 0.9, 0.999, 1e-8, 0, false, false)::step);
    }

    @Test
    void amsgradFollowsTorchOptimAdamWithAmsgrad() {
        List<ParameterGroup> g = groups(7);
        compare(Adam.withDefaults(g, true), g,
                n -> new OptimizerReference.AdamRef(n, 0.9, 0.999, 1e-8, 0, true, false)::step);
    }

    @Test
    void adamWithL2PenaltyAndOtherBetasAndEpsilon() {
        List<ParameterGroup> g = groups(7);
        compare(new Adam(g, 0.8, 0.99, 1e-3, 0.1, false), g,
                n -> new OptimizerReference.AdamRef(n, 0.8, 0.99, 1e-3, 0.1, false, false)::step);
    }

    @Test
    void adamwFollowsTorchOptimAdamW() {
        List<ParameterGroup> g = groups(7);
        compare(new AdamW(g, 0.9, 0.999, 1e-8, 0.3, false), g,
                n -> new OptimizerReference.AdamRef(n, 0.9, 0.999, 1e-8, 0.3, false, true)::step);
    }

    @Test
    void adamwWithAmsgradAndTheNeighbourhoodAggregationBetas() {
        List<ParameterGroup> g = groups(7);
        compare(new AdamW(g, 0.0, 0.999, 1e-8, 0.01, true), g,
                n -> new OptimizerReference.AdamRef(n, 0.0, 0.999, 1e-8, 0.01, true, true)::step);
    }

    @Test
    void plainSgd() {
        List<ParameterGroup> g = groups(7);
        compare(new Sgd(g, 0, 0, false), g, n -> new OptimizerReference.SgdRef(n, 0, 0, false)::step);
    }

    @Test
    void sgdWithMomentumAndWeightDecay() {
        List<ParameterGroup> g = groups(7);
        compare(new Sgd(g, 0.9, 0.05, false), g, n -> new OptimizerReference.SgdRef(n, 0.9, 0.05, false)::step);
    }

    @Test
    void sgdWithNesterovMomentum() {
        List<ParameterGroup> g = groups(7);
        compare(new Sgd(g, 0.8, 0, true), g, n -> new OptimizerReference.SgdRef(n, 0.8, 0, true)::step);
    }

    @Test
    void adamwWithoutWeightDecayIsAdamBitForBit() {
        List<ParameterGroup> a = groups(3);
        List<ParameterGroup> b = groups(3);
        Optimizer adam = new Adam(a, 0.9, 0.999, 1e-8, true);
        Optimizer adamw = new AdamW(b, 0.9, 0.999, 1e-8, 0, true);
        SplittableRandom r = new SplittableRandom(5);
        for (int step = 0; step < 5; step++) {
            double[][] grads = {r.doubles(7).toArray(), new double[3], r.doubles(5).toArray()};
            adam.step(grads, key -> 0.01);
            adamw.step(grads, key -> 0.01);
        }
        for (int g = 0; g < a.size(); g++) {
            assertArrayEquals(a.get(g).values(), b.get(g).values(), 0.0);
        }
    }

    @Test
    void adamwDecayIsDecoupledFromTheGradient() {
        // a zero gradient leaves Adam's update at exactly zero, so only the shrinkage acts
        double[] x = {1.5, -2.0, 0.25};
        ParameterGroup group = new ParameterGroup("w", x.clone(), "weights", true);
        Optimizer adamw = new AdamW(List.of(group), 0.9, 0.999, 1e-8, 0.1, false);
        for (int step = 0; step < 10; step++) {
            adamw.step(new double[][] {new double[3]}, key -> 0.05);
            for (int i = 0; i < x.length; i++) {
                x[i] *= 1 - 0.05 * 0.1;
            }
        }
        assertArrayEquals(x, group.values(), 0.0);
    }
}
