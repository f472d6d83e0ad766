package io.delaynet.stepped.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SrmTest {
    private static final SpikeFunction SPIKE = new SpikeFunction.Threshold(new Surrogate.Exponential(1, 1));

    @Test
    void recursiveAlphaFilterEqualsTheSampledKernel() {
        AlphaKernel k = new AlphaKernel(10, 1);
        double[] impulse = new double[40];
        impulse[0] = 1;
        double[] y = new double[40];
        k.filter(impulse, y, 40, 1);
        for (int t = 0; t < 40; t++) {
            assertEquals(t / 10.0 * Math.exp(1 - t / 10.0), y[t], 1e-12, "step " + t);
        }
        assertEquals(1.0, y[10], 1e-12); // the peak is 1 at t = tau
    }

    @Test
    void correlateIsTheAdjointOfFilter() {
        AlphaKernel k = new AlphaKernel(3, -2);
        SplittableRandom r = new SplittableRandom(1);
        int steps = 12;
        int channels = 3;
        double[] x = new double[steps * channels];
        double[] g = new double[steps * channels];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
            g[i] = r.nextGaussian();
        }
        double[] fx = new double[x.length];
        double[] cg = new double[x.length];
        k.filter(x, fx, steps, channels);
        k.correlate(g, cg, steps, channels);
        double lhs = 0;
        double rhs = 0;
        for (int i = 0; i < x.length; i++) {
            lhs += fx[i] * g[i];
            rhs += x[i] * cg[i];
        }
        assertEquals(lhs, rhs, 1e-10);
    }

    /** The reference's T = 10 window is shorter than both truncated kernels, so the match is exact. */
    @Test
    void forwardPassMatchesTheLiteralReferenceOnItsWindow() {
        SrmParams p = SrmParams.reference();
        int steps = 10;
        int n = 6;
        SplittableRandom r = new SplittableRandom(4);
        double[] input = new double[steps * n];
        for (int i = 0; i < input.length; i++) {
            input[i] = r.nextDouble() < 0.4 ? 8 * r.nextGaussian() + 6 : 0;
        }
        double[] membrane = new double[steps * n];
        double[] spikes = new double[steps * n];
        p.run(p.newState(n), input, steps, membrane, spikes, SPIKE);

        double[] eps = SlayerReference.kernel(10, 1, 300);
        double[] nu = SlayerReference.kernel(1, -2 * 10, 300);
        int total = 0;
        for (int j = 0; j < n; j++) {
            double[] a = new double[steps];
            for (int t = 0; t < steps; t++) {
                a[t] = input[t * n + j];
            }
            double[] u = SlayerReference.psp(a, eps);
            double[] s = SlayerReference.spikes(u, nu, 10);
            for (int t = 0; t < steps; t++) {
                assertEquals(s[t], spikes[t * n + j], "spike of neuron " + j + " at " + t);
                assertEquals(u[t], membrane[t * n + j], 1e-9, "membrane of neuron " + j + " at " + t);
                total += (int) s[t];
            }
        }
        assertTrue(total >= 3, "the input should make some neurons fire, got " + total + " spikes");
    }

    @Test
    void refractoryKernelKeepsASpikingNeuronDownForAStep() {
        SrmParams p = SrmParams.reference();
        double[] input = new double[10];
        input[0] = 50; // PSP 50 * eps[t]: crosses 10 at t = 1 (eps[1] = 0.246) and stays above
        double[] membrane = new double[10];
        double[] spikes = new double[10];
        p.run(p.newState(1), input, 10, membrane, spikes, SPIKE);
        assertEquals(0, spikes[0]);
        assertEquals(1, spikes[1]);
        assertEquals(0, spikes[2], "refractory -20 at the next step");
        assertEquals(50 * (2 / 10.0) * Math.exp(0.8) - 20, membrane[2], 1e-9);
    }

    @Test
    void stepByStepEqualsRun() {
        SrmParams p = new SrmParams(1, 4, 2, 1.5, true);
        SplittableRandom r = new SplittableRandom(9);
        double[] input = new double[8 * 3];
        for (int i = 0; i < input.length; i++) {
            input[i] = r.nextGaussian();
        }
        double[] m1 = new double[input.length];
        double[] s1 = new double[input.length];
        p.run(p.newState(3), input, 8, m1, s1, SPIKE);
        NeuronState state = p.newState(3);
        double[] m2 = new double[input.length];
        double[] s2 = new double[input.length];
        for (int t = 0; t < 8; t++) {
            p.step(state, input, t * 3, m2, s2, SPIKE);
        }
        assertArrayEquals(m1, m2);
        assertArrayEquals(s1, s2);
    }
}
