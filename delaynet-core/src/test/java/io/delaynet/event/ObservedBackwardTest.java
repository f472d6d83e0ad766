package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The backward pass at observed spike times ({@link EventNetwork#observe}). */
class ObservedBackwardTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return GradientCheckTest.cases();
    }

    @ParameterizedTest(name = "tau ratio {0}, {1} delays, sigmoid={2}, roots reused {3}")
    @MethodSource("cases")
    void equalsTheNormalBackwardWhenTheObservedTimesAreTheIdealOnes(double ratio, DelayKind kind, boolean sigmoid,
                                                                   boolean reuse) {
        SplittableRandom r = new SplittableRandom(99 + (long) (ratio * 10) + kind.ordinal() * 3 + (sigmoid ? 1 : 0));
        LifModel model = new LifModel(ratio, 1.0);
        int withGradient = 0;
        for (int network = 0; network < 8; network++) {
            EventNetwork built = GradientCheckTest.randomNetwork(r, model, kind, sigmoid, new int[] {4, 6, 5, 3});
            EventNetwork net = new EventNetwork(model, built.inputSize(), built.projections(), reuse);
            if (ratio == 2.0) {
                for (Projection p : net.projections()) { // livelier networks: more spikes, more gradients
                    double[] w = p.weights().values();
                    for (int s = 0; s < w.length; s++) {
                        w[s] *= 1.6;
                    }
                }
            }
            for (int sample = 0; sample < 8; sample++) {
                double[] input = new double[4];
                for (int i = 0; i < 4; i++) {
                    input[i] = r.nextInt(8) == 0 ? Double.POSITIVE_INFINITY : r.nextDouble() * 2;
                }
                double[] dOut = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                EventTrace ideal = net.newTrace();
                net.forward(input, ideal);
                double[][] expected = net.newGradients();
                net.setOutputGradient(ideal, dOut);
                net.backward(ideal, expected, Double.POSITIVE_INFINITY);

                double[][] observed = new double[net.layerCount() + 1][];
                for (int l = 0; l <= net.layerCount(); l++) {
                    observed[l] = ideal.spikeTimes(l).clone();
                }
                EventTrace replay = net.newTrace();
                net.observe(observed, replay);
                double[][] actual = net.newGradients();
                net.setOutputGradient(replay, dOut);
                net.backward(replay, actual, Double.POSITIVE_INFINITY);

                // 1e-12 absolute as always; with reuse to 12 digits relative, since the forward pass then
                // takes e^{-T/2} from its closed-form roots and the replay (which sees only times) from
                // exponentials of the times
                for (int g = 0; g < expected.length; g++) {
                    assertClose(expected[g], actual[g], reuse, "group " + g);
                }
                for (int l = 0; l <= net.layerCount(); l++) {
                    assertClose(ideal.timeGradient(l), replay.timeGradient(l), reuse, "time gradient of layer " + l);
                }
                for (int l = 1; l <= net.layerCount(); l++) {
                    for (int j = 0; j < ideal.spikeTimes(l).length; j++) {
                        assertEquals(ideal.causalSetSize(l, j), replay.causalSetSize(l, j), "causal set of " + l + "/" + j);
                    }
                }
                if (java.util.Arrays.stream(actual).flatMapToDouble(java.util.Arrays::stream).anyMatch(v -> v != 0)) {
                    withGradient++;
                }
            }
        }
        assertTrue(withGradient > 10, "non-trivial gradients compared: " + withGradient);
    }

    private static void assertClose(double[] expected, double[] actual, boolean relative, String what) {
        if (!relative) {
            assertArrayEquals(expected, actual, 1e-12, what);
            return;
        }
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), what + ", index " + i);
        }
    }

    private static EventNetwork singleNeuron(double[] weights, LifModel model) {
        Projection p = new Projection(0, weights.length, 1, weights.clone(), DelayKind.NONE, null, null, 1, 1);
        return new EventNetwork(model, weights.length, List.of(p));
    }

    private static double[][] backwardAt(EventNetwork net, double[] input, double observedTime, EventTrace trace) {
        net.observe(new double[][] {input, {observedTime}}, trace);
        double[][] g = net.newGradients();
        net.setOutputGradient(trace, new double[] {1.0});
        net.backward(trace, g, Double.POSITIVE_INFINITY);
        return g;
    }

    @Test
    void causalSetHoldsTheInputsArrivingAtOrBeforeTheObservedSpike() {
        for (double ratio : new double[] {1.0, 2.0}) {
            EventNetwork net = singleNeuron(new double[] {1.5, 1.5, 1.5}, new LifModel(ratio, 1.0));
            EventTrace trace = net.newTrace();
            double[] input = {0.2, 0.7, 1.4};
            double[][] g = backwardAt(net, input, 0.7, trace); // the second input lands exactly at T
            assertEquals(2, trace.causalSetSize(1, 0));
            assertNotEquals(0.0, g[0][0]);
            assertEquals(0.0, g[0][1], 1e-15, "kappa(0) = 0: an input arriving at T has no weight gradient");
            assertEquals(0.0, g[0][2], "an input after the observed spike is not causal");
            assertEquals(0.0, trace.timeGradient(0)[2]);
        }
    }

    @Test
    void aSpikeTheNominalModelCannotProduceCarriesNoGradient() {
        for (double ratio : new double[] {1.0, 2.0}) {
            LifModel model = new LifModel(ratio, 1.0);
            EventNetwork weak = singleNeuron(new double[] {0.2, 0.2}, model); // membrane peak far below threshold
            EventTrace trace = weak.newTrace();
            double[][] g = backwardAt(weak, new double[] {0.1, 0.3}, 1.2, trace);
            assertEquals(0, trace.causalSetSize(1, 0));
            assertArrayEquals(new double[2], g[0]);
            assertArrayEquals(new double[2], trace.timeGradient(0));

            EventNetwork strong = singleNeuron(new double[] {2.0, 2.0}, model);
            double t = strong.forward(new double[] {0.1, 0.3}, strong.newTrace())[0];
            EventTrace ok = strong.newTrace();
            double[][] h = backwardAt(strong, new double[] {0.1, 0.3}, t + 0.01, ok); // slightly late, still rising
            assertEquals(2, ok.causalSetSize(1, 0));
            assertTrue(h[0][0] < 0 && h[0][1] < 0, "a larger weight makes the spike earlier");
        }
    }

    @Test
    void aSpikeBeforeAnyInputCarriesNoGradient() {
        EventNetwork net = singleNeuron(new double[] {2.0}, new LifModel(1.0, 1.0));
        EventTrace trace = net.newTrace();
        double[][] g = backwardAt(net, new double[] {0.5}, 0.4, trace);
        assertEquals(0, trace.causalSetSize(1, 0));
        assertArrayEquals(new double[1], g[0]);
    }

    @Test
    void rejectsObservationsOfTheWrongShape() {
        EventNetwork net = singleNeuron(new double[] {1.0, 1.0}, new LifModel(1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> net.observe(new double[][] {{0.1, 0.2}}, net.newTrace()));
        assertThrows(IllegalArgumentException.class, () -> net.observe(new double[][] {{0.1}, {1.0}}, net.newTrace()));
    }
}
