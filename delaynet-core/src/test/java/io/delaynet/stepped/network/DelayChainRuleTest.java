package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The delay half of NA for delays: whatever estimator produced dL/dx (the gradient of the
 * weighted, delayed input per neuron and step), the projection turns it into weight and delay
 * gradients by the chain rule through its delay kernel. With g = dL/dx fixed, the loss is
 * linear in the arrivals, L(w, d) = sum_t g[t] . x[t](w, d); its central finite differences must
 * equal the projection's gradients for interpolated delays, and for a whole-step shift the delay
 * gradient must be the one-step forward difference L(d + 1) - L(d) (the reference's finite
 * difference).
 */
class DelayChainRuleTest {
    private static final int STEPS = 8;
    private static final int PRE = 5;
    private static final int POST = 4;
    private static final double H = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (DelayKind kind : new DelayKind[] {DelayKind.SYNAPTIC, DelayKind.AXONAL, DelayKind.DENDRITIC}) {
            all.add(Arguments.of(kind, new DelayInterpolation.Linear()));
            all.add(Arguments.of(kind, new DelayInterpolation.Gaussian(0.7)));
            all.add(Arguments.of(kind, new DelayInterpolation.IntegerShift(Rounding.FLOOR)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void weightAndDelayGradientsFromTheInputGradient(DelayKind kind, DelayInterpolation interpolation) {
        SplittableRandom r = new SplittableRandom(kind.ordinal() * 7L + interpolation.getClass().getName().length());
        double[] w = new double[PRE * POST];
        for (int k = 0; k < w.length; k++) {
            w[k] = r.nextGaussian();
        }
        ParameterGroup weights = new ParameterGroup("w", w, "weights", true);
        ParameterGroup delays = TestNetworks.delays("d", kind.count(PRE, POST), r, 0, 3, kind);
        Projection p = new Projection(PRE, POST, STEPS, kind, interpolation, DelayBounds.NON_NEGATIVE, 0, weights,
                delays);
        SpikeEvents in = TestNetworks.randomInput(r.nextLong(), STEPS, PRE, 0.35, true);
        double[] g = new double[p.arrivalLength()];
        for (int k = 0; k < STEPS * POST; k++) {
            g[k] = r.nextGaussian(); // rows at and above STEPS lie outside the window: zero
        }
        double[] gw = new double[w.length];
        double[] gd = new double[delays.size()];
        p.backward(in, g, gw, gd, null, new double[p.arrivalLength()]);
        boolean whole = interpolation instanceof DelayInterpolation.IntegerShift;
        double largest = 0;
        for (int k = 0; k < w.length; k++) {
            double numeric = centralDifference(p, in, g, w, k, H);
            assertEquals(numeric, gw[k], 1e-7 * Math.max(1, Math.abs(numeric)), "weight " + k);
        }
        double[] d = delays.values();
        for (int k = 0; k < d.length; k++) {
            double expected;
            if (whole) {
                double base = linearLoss(p, in, g);
                d[k] += 1;
                p.clampDelays();
                expected = linearLoss(p, in, g) - base;
                d[k] -= 1;
                p.clampDelays();
            } else {
                expected = centralDifference(p, in, g, d, k, H);
            }
            assertEquals(expected, gd[k], 1e-7 * Math.max(1, Math.abs(expected)), "delay " + k);
            largest = Math.max(largest, Math.abs(expected));
        }
        assertTrue(largest > 1e-3, "delay gradients all (nearly) zero: the check would prove nothing");
    }

    private static double centralDifference(Projection p, SpikeEvents in, double[] g, double[] values, int k, double h) {
        double saved = values[k];
        values[k] = saved + h;
        p.clampDelays();
        double plus = linearLoss(p, in, g);
        values[k] = saved - h;
        p.clampDelays();
        double minus = linearLoss(p, in, g);
        values[k] = saved;
        p.clampDelays();
        return (plus - minus) / (2 * h);
    }

    /** sum over the window of g . arrival. */
    private static double linearLoss(Projection p, SpikeEvents in, double[] g) {
        double[] arrival = new double[p.arrivalLength()];
        p.clear(arrival);
        for (int t = 0; t < STEPS; t++) {
            p.scatter(in, t, arrival);
        }
        double sum = 0;
        for (int k = 0; k < STEPS * POST; k++) {
            sum += g[k] * arrival[k];
        }
        return sum;
    }
}
