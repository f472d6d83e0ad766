package io.delaynet.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer minimises a badly scaled quadratic f(x) = 1/2 sum a_i (x_i - c_i)^2 (curvatures from
 * 0.1 to 10): the distance to the minimiser must shrink by orders of magnitude. With an L2 penalty
 * lambda the minimiser moves to a_i c_i / (a_i + lambda), which SGD must find.
 */
class OptimizerConvergenceTest {
    private static final int N = 20;
    private static final double[] A = new double[N];
    private static final double[] C = new double[N];

    static {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < N; i++) {
            A[i] = Math.pow(10, -1 + 2.0 * i / (N - 1));
            C[i] = r.nextDouble(-2, 2);
        }
    }

    /** Runs {@code steps} steps from x = 0 with learning rate lr * decay^t; returns the distance to {@code target}. */
    private static double distanceAfter(OptimizerSettings settings, int steps, double lr, double decay, double[] target) {
        ParameterGroup x = new ParameterGroup("x", new double[N], "weights", true);
        Optimizer optimizer = settings.create(List.of(x));
        double[] grad = new double[N];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < N; i++) {
                grad[i] = A[i] * (x.values()[i] - C[i]);
            }
            double rate = lr * Math.pow(decay, t);
            optimizer.step(new double[][] {grad}, key -> rate);
        }
        double d = 0;
        for (int i = 0; i < N; i++) {
            d += (x.values()[i] - target[i]) * (x.values()[i] - target[i]);
        }
        return Math.sqrt(d);
    }

    private static double startDistance() {
        double d = 0;
        for (double c : C) {
            d += c * c;
        }
        return Math.sqrt(d);
    }

    private static void converges(OptimizerSettings settings, int steps, double lr, double decay) {
        double end = distanceAfter(settings, steps, lr, decay, C);
        assertTrue(end < 1e-4 * startDistance(), settings + ": distance " + end + " from " + startDistance());
    }

    private static OptimizerSettings of(OptimizerSettings.Type type, double beta1, boolean amsgrad, double momentum,
                                        boolean nesterov) {
        return new OptimizerSettings(type, beta1, 0.999, 1e-8, 0, amsgrad, momentum, nesterov);
    }

    @Test
    void adamAndItsVariantsConverge() {
        converges(of(OptimizerSettings.Type.ADAM, 0.9, false, 0, false), 3000, 0.1, 0.998);
        converges(of(OptimizerSettings.Type.ADAM, 0.9, true, 0, false), 3000, 0.1, 0.998);
        converges(of(OptimizerSettings.Type.ADAMW, 0.9, false, 0, false), 3000, 0.1, 0.998);
        converges(of(OptimizerSettings.Type.ADAMW, 0.0, false, 0, false), 3000, 0.1, 0.998);
    }

    @Test
    void sgdConvergesAndMomentumSpeedsItUp() {
        // lr 0.15 is stable for the largest curvature (10); the smallest (0.1) needs many plain steps
        int steps = 400;
        double plain = distanceAfter(of(OptimizerSettings.Type.SGD, 0, false, 0, false), steps, 0.15, 1, C);
        double heavyBall = distanceAfter(of(OptimizerSettings.Type.SGD, 0, false, 0.9, false), steps, 0.15, 1, C);
        double nesterov = distanceAfter(of(OptimizerSettings.Type.SGD, 0, false, 0.9, true), steps, 0.1, 1, C);
        assertTrue(plain < 0.1 * startDistance(), "plain SGD: " + plain);
        assertTrue(heavyBall < 1e-6 * startDistance(), "momentum: " + heavyBall);
        assertTrue(nesterov < 1e-6 * startDistance(), "Nesterov: " + nesterov);
        assertTrue(heavyBall < plain && nesterov < plain);
    }

    @Test
    void sgdWithL2PenaltyFindsTheShiftedMinimiser() {
        double lambda = 0.5;
        double[] shifted = new double[N];
        for (int i = 0; i < N; i++) {
            shifted[i] = A[i] * C[i] / (A[i] + lambda);
        }
        OptimizerSettings settings = new OptimizerSettings(OptimizerSettings.Type.SGD, 0.9, 0.999, 1e-8, lambda, false,
                0.9, false);
        assertTrue(distanceAfter(settings, 600, 0.1, 1, shifted) < 1e-9);
    }
}
