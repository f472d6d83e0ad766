package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Synaptic-delay lists are built three ways by size (counted ranks up to 8 inputs, selection by
 * packed keys up to 32, a sort above), and each must give the list insertion in layer order gives,
 * ties included: exactly simultaneous arrivals (spike times and delays on a coarse grid, so that
 * t + d collides) keep the layer's order, and arrivals that differ only in the last bits (which
 * the packed keys drop) still come in exact time order. Compared bit for bit with the full-list
 * engine ({@link ReferenceForward}): spike times, causal sets and the gradients read from the lists.
 */
class SynapticTiesTest {

    @ParameterizedTest(name = "{0} inputs")
    @ValueSource(ints = {3, 6, 8, 9, 14, 24, 32, 33, 60})
    void listsWithTiesAreThoseOfInsertion(int inputs) {
        SplittableRandom r = new SplittableRandom(4242 + inputs);
        int collisions = 0;
        int spikes = 0;
        for (double ratio : new double[] {1.0, 2.0}) {
            LifModel model = new LifModel(ratio, 1.0);
            for (int network = 0; network < 6; network++) {
                Projection p = projection(r, model, inputs, 12);
                EventNetwork net = new EventNetwork(model, inputs, List.of(p));
                EventTrace trace = net.newTrace();
                for (int sample = 0; sample < 20; sample++) {
                    double[] input = input(r, inputs, p);
                    collisions += collisions(p, input);
                    int[][] causal = new int[1][];
                    EventTrace full = net.newTrace();
                    double[][] expected = ReferenceForward.run(net, input, causal, full);
                    net.forward(input, trace);
                    assertArrayEquals(expected[1], trace.spikeTimes(1), 0.0, "spike times");
                    int[] sizes = new int[p.post()];
                    for (int j = 0; j < sizes.length; j++) {
                        sizes[j] = trace.causalSetSize(1, j);
                        spikes += sizes[j] > 0 ? 1 : 0;
                    }
                    assertArrayEquals(causal[0], sizes, "causal sets");
                    double[] dOut = new double[p.post()];
                    for (int j = 0; j < dOut.length; j++) {
                        dOut[j] = r.nextGaussian();
                    }
                    double[][] expectedGrad = net.newGradients();
                    double[][] grad = net.newGradients();
                    net.setOutputGradient(full, dOut);
                    net.backward(full, expectedGrad, Double.POSITIVE_INFINITY);
                    net.setOutputGradient(trace, dOut);
                    net.backward(trace, grad, Double.POSITIVE_INFINITY);
                    for (int g = 0; g < grad.length; g++) {
                        assertArrayEquals(expectedGrad[g], grad[g], 0.0, "gradient group " + g);
                    }
                    assertArrayEquals(full.timeGradient(0), trace.timeGradient(0), 0.0, "input gradient");
                }
            }
        }
        assertTrue(collisions > 50, "exactly simultaneous arrivals seen: " + collisions);
        assertTrue(spikes > 100, "spiking neurons seen: " + spikes);
    }

    /** Delays on a grid of 1/8 (clip parameterisation, so d = p exactly), a few nudged by one ulp. */
    static Projection projection(SplittableRandom r, LifModel model, int pre, int post) {
        double[] w = new double[pre * post];
        double scale = (model.tauRatio() == 1.0 ? 2.5 : 1.6) * 4.0 / pre * r.nextDouble(0.5, 1.5);
        for (int s = 0; s < w.length; s++) {
            w[s] = r.nextDouble(-0.4, 1.4) * scale;
        }
        double[] raw = new double[pre * post];
        for (int s = 0; s < raw.length; s++) {
            raw[s] = r.nextInt(9) / 8.0;
            if (r.nextInt(6) == 0) {
                raw[s] = Math.nextUp(raw[s] + 0.125); // differs from a grid arrival in the last bit only
            }
        }
        return new Projection(0, pre, post, w, DelayKind.SYNAPTIC, new DelayParameterisation.Clip(0.0, 2.0), raw, 1, 1);
    }

    /** Spike times on a grid of 1/8 as well, a fifth silent. */
    static double[] input(SplittableRandom r, int n, Projection p) {
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = r.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : 0.25 + r.nextInt(9) / 8.0;
        }
        return in;
    }

    /** Pairs of inputs reaching some neuron at exactly the same time. */
    static int collisions(Projection p, double[] in) {
        int count = 0;
        for (int j = 0; j < p.post(); j++) {
            for (int a = 0; a < p.pre(); a++) {
                for (int b = a + 1; b < p.pre(); b++) {
                    if (in[a] != Double.POSITIVE_INFINITY && in[a] + p.delay(a, j) == in[b] + p.delay(b, j)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
