package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The state an optimizer hands to checkpoints is enough to continue bit for bit, names PyTorch's
 * buffers, leaves frozen groups out, and is refused by an optimizer it does not belong to. Large
 * groups stepped in parallel slices give the same numbers as on one thread.
 */
class OptimizerStateTest {

    static Stream<OptimizerSettings> everyOptimizer() {
        return Stream.of(OptimizerSettings.adam(false), OptimizerSettings.adam(true),
                new OptimizerSettings(OptimizerSettings.Type.ADAM, 0.9, 0.999, 1e-8, 0.01, false, 0, false),
                new OptimizerSettings(OptimizerSettings.Type.ADAMW, 0.0, 0.999, 1e-8, 0.01, false, 0, false),
                new OptimizerSettings(OptimizerSettings.Type.ADAMW, 0.9, 0.999, 1e-8, 0.01, true, 0, false),
                new OptimizerSettings(OptimizerSettings.Type.SGD, 0.9, 0.999, 1e-8, 0, false, 0, false),
                new OptimizerSettings(OptimizerSettings.Type.SGD, 0.9, 0.999, 1e-8, 0.01, false, 0.9, true));
    }

    private static List<ParameterGroup> groups(int wide) {
        SplittableRandom r = new SplittableRandom(1);
        return List.of(new ParameterGroup("w", r.doubles(wide, -1, 1).toArray(), "weights", true),
                new ParameterGroup("frozen", r.doubles(4).toArray(), "weights", false),
                new ParameterGroup("d", r.doubles(6).toArray(), "delays", true));
    }

    private static double[][] gradient(List<ParameterGroup> groups, int step) {
        SplittableRandom r = new SplittableRandom(100 + step);
        double[][] g = new double[groups.size()][];
        for (int i = 0; i < g.length; i++) {
            g[i] = r.doubles(groups.get(i).size(), -1, 1).toArray();
        }
        return g;
    }

    private static void steps(Optimizer o, List<ParameterGroup> groups, int from, int to, WorkerPool pool, int min) {
        for (int s = from; s < to; s++) {
            int step = s;
            o.step(gradient(groups, s), key -> (key.equals("weights") ? 0.01 : 0.03) * Math.pow(0.95, step), pool, min);
        }
    }

    private static List<double[]> values(List<ParameterGroup> groups) {
        List<double[]> out = new ArrayList<>();
        groups.forEach(g -> out.add(g.values().clone()));
        return out;
    }

    private static void assertSame(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0.0);
        }
    }

    @ParameterizedTest
    @MethodSource("everyOptimizer")
    void aRestoredOptimizerContinuesBitForBit(OptimizerSettings settings) {
        List<ParameterGroup> straight = groups(9);
        steps(settings.create(straight), straight, 0, 8, WorkerPool.SERIAL, Integer.MAX_VALUE);

        List<ParameterGroup> halves = groups(9);
        Optimizer first = settings.create(halves);
        steps(first, halves, 0, 4, WorkerPool.SERIAL, Integer.MAX_VALUE);
        OptimizerState saved = first.state();
        steps(first, halves, 4, 6, WorkerPool.SERIAL, Integer.MAX_VALUE); // the snapshot must not see these
        List<ParameterGroup> resumed = groups(9);
        // parameters as they were at the snapshot: replay the first half on fresh groups
        steps(settings.create(resumed), resumed, 0, 4, WorkerPool.SERIAL, Integer.MAX_VALUE);
        Optimizer second = settings.create(resumed);
        second.restore(saved);
        assertEquals(4, second.steps());
        steps(second, resumed, 4, 8, WorkerPool.SERIAL, Integer.MAX_VALUE);
        assertSame(values(straight), values(resumed));
    }

    @ParameterizedTest
    @MethodSource("everyOptimizer")
    void parallelSlicesGiveTheNumbersOfOneThread(OptimizerSettings settings) {
        int wide = 3 * 1000 + 17;
        List<ParameterGroup> serial = groups(wide);
        steps(settings.create(serial), serial, 0, 5, WorkerPool.SERIAL, Integer.MAX_VALUE);
        for (int threads : new int[] {2, 3}) {
            List<ParameterGroup> parallel = groups(wide);
            try (WorkerPool pool = new WorkerPool(threads)) {
                steps(settings.create(parallel), parallel, 0, 5, pool, 1000);
            }
            assertSame(values(serial), values(parallel));
        }
    }

    @Test
    void stateNamesTorchBuffersAndLeavesFrozenGroupsEmpty() {
        List<ParameterGroup> g = groups(5);
        OptimizerState adam = Adam.withDefaults(g, true).state();
        assertEquals("adam", adam.type());
        assertEquals(List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq"), List.copyOf(adam.buffers().keySet()));
        assertEquals(List.of(5, 0, 6), Stream.of(adam.buffer("exp_avg")).map(row -> row.length).toList());
        assertEquals(List.of("exp_avg", "exp_avg_sq"), List.copyOf(
                new AdamW(g, 0.9, 0.999, 1e-8, 0.01, false).state().buffers().keySet()));
        assertEquals(List.of("momentum_buffer"), List.copyOf(new Sgd(g, 0.9, 0, false).state().buffers().keySet()));
        assertTrue(new Sgd(g, 0, 0, false).state().buffers().isEmpty(), "plain SGD keeps no state");
    }

    @Test
    void aStateIsASnapshot() {
        List<ParameterGroup> g = groups(5);
        Optimizer adam = Adam.withDefaults(g, false);
        steps(adam, g, 0, 1, WorkerPool.SERIAL, Integer.MAX_VALUE);
        OptimizerState state = adam.state();
        double before = state.buffer("exp_avg")[0][0];
        steps(adam, g, 1, 3, WorkerPool.SERIAL, Integer.MAX_VALUE);
        assertEquals(before, state.buffer("exp_avg")[0][0]);
        state.buffer("exp_avg")[0][0] = 42; // a copy
        assertEquals(before, state.buffer("exp_avg")[0][0]);
    }

    @Test
    void aForeignStateIsRefusedWithAReason() {
        List<ParameterGroup> g = groups(5);
        OptimizerState adam = Adam.withDefaults(g, false).state();
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> new Sgd(g, 0.9, 0, false).restore(adam));
        assertTrue(type.getMessage().contains("adam") && type.getMessage().contains("sgd"), type.getMessage());
        IllegalArgumentException buffers = assertThrows(IllegalArgumentException.class,
                () -> Adam.withDefaults(g, true).restore(adam));
        assertTrue(buffers.getMessage().contains("max_exp_avg_sq"), buffers.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Adam.withDefaults(groups(6), false).restore(adam));
        assertTrue(shape.getMessage().contains("group w"), shape.getMessage());
    }

    @Test
    void aGroupFrozenWhenSavedStartsFromZeroMoments() {
        List<ParameterGroup> frozen = List.of(new ParameterGroup("w", new double[3], "weights", false));
        OptimizerState saved = Adam.withDefaults(frozen, false).state();
        ParameterGroup live = new ParameterGroup("w", new double[] {1, 2, 3}, "weights", true);
        Adam adam = Adam.withDefaults(List.of(live), false);
        adam.step(new double[][] {{0.5, -0.5, 1}}, key -> 0.1);
        adam.restore(saved);
        assertEquals(0, adam.steps());
        assertArrayEquals(new double[3], adam.state().buffer("exp_avg")[0], 0.0);
        assertArrayEquals(new double[3], adam.state().buffer("exp_avg_sq")[0], 0.0);
    }

    @Test
    void impossibleSettingsAreRefused() {
        List<ParameterGroup> g = groups(2);
        assertThrows(IllegalArgumentException.class, () -> new Sgd(g, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new Adam(g, 1.0, 0.999, 1e-8, false));
        assertThrows(IllegalArgumentException.class, () -> new AdamW(g, 0.9, 0.999, 1e-8, -1, false));
        assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.Type.parse("rmsprop"));
    }
}
