package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forward pass builds arrival lists only as far as each neuron's spike, sorts large
 * synaptic-delay lists instead of inserting, and rejects most candidates without solving them.
 * None of that may change a bit: spike times and causal sets must equal those of the full-list
 * engine of before ({@link ReferenceForward}), for every delay kind, both tau ratios, few and many
 * inputs, silent inputs and exactly simultaneous inputs (quantised times); and the backward pass
 * must give the same gradients from the shorter (or shared) lists as from the full ones.
 */
class LazyForwardTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (double ratio : new double[] {1.0, 2.0}) {
            for (DelayKind kind : DelayKind.values()) {
                for (int inputs : new int[] {5, 40, 300}) {
                    out.add(Arguments.of(ratio, kind, inputs, false));
                    if (ratio == 2.0) {
                        out.add(Arguments.of(ratio, kind, inputs, true));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "tau ratio {0}, {1} delays, {2} inputs, roots reused {3}")
    @MethodSource("cases")
    void spikeTimesAndCausalSetsAreThoseOfTheFullListEngine(double ratio, DelayKind kind, int inputs, boolean reuse) {
        SplittableRandom r = new SplittableRandom(77 + inputs * 31L + kind.ordinal() * 5L + (long) ratio);
        LifModel model = new LifModel(ratio, 1.0);
        int spikes = 0;
        int silent = 0;
        for (int network = 0; network < 4; network++) {
            EventNetwork built = network(r, model, kind, inputs, 24, 7);
            EventNetwork net = new EventNetwork(model, built.inputSize(), built.projections(), reuse);
            EventTrace trace = net.newTrace();
            for (int sample = 0; sample < 12; sample++) {
                double[] input = input(r, inputs, sample);
                int[][] causal = new int[net.layerCount()][];
                EventTrace full = net.newTrace();
                double[][] expected = ReferenceForward.run(net, input, causal, full);
                net.forward(input, trace);
                for (int l = 1; l <= net.layerCount(); l++) {
                    assertArrayEquals(expected[l], trace.spikeTimes(l), 0.0, "layer " + l + " times");
                    int[] sizes = new int[expected[l].length];
                    for (int j = 0; j < sizes.length; j++) {
                        sizes[j] = trace.causalSetSize(l, j);
                        if (Double.isFinite(expected[l][j])) {
                            spikes++;
                        } else {
                            silent++;
                        }
                    }
                    assertArrayEquals(causal[l - 1], sizes, "layer " + l + " causal sets");
                }
                // the backward pass reads the lists the forward left: same gradients, bit for bit
                double[] dOut = new double[net.outputSize()];
                for (int j = 0; j < dOut.length; j++) {
                    dOut[j] = r.nextGaussian();
                }
                double[][] expectedGrad = net.newGradients();
                double[][] grad = net.newGradients();
                net.setOutputGradient(full, dOut);
                net.backward(full, expectedGrad, 5.0);
                net.setOutputGradient(trace, dOut);
                net.backward(trace, grad, 5.0);
                for (int g = 0; g < grad.length; g++) {
                    assertArrayEquals(expectedGrad[g], grad[g], 0.0, "gradient group " + g);
                }
                assertArrayEquals(full.timeGradient(0), trace.timeGradient(0), 0.0, "input gradient");
            }
        }
        assertTrue(spikes > 100 && silent > 10, "both spiking and silent neurons seen: " + spikes + " / " + silent);
    }

    /** Inputs with a mix of silent lines, shared (quantised) times and continuous times. */
    static double[] input(SplittableRandom r, int n, int sample) {
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            if (u < 0.2) {
                in[i] = Double.POSITIVE_INFINITY;
            } else if (u < 0.5 || sample % 3 == 0) {
                in[i] = 0.15 + 1.85 * (r.nextInt(8) / 7.0); // many exactly simultaneous inputs
            } else {
                in[i] = 0.15 + 1.85 * r.nextDouble();
            }
        }
        return in;
    }

    static EventNetwork network(SplittableRandom r, LifModel model, DelayKind kind, int inputs, int hidden, int out) {
        int[] sizes = {inputs, hidden, out};
        List<Projection> projections = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            int pre = sizes[l];
            int post = sizes[l + 1];
            double[] w = new double[pre * post];
            // a drive per network, so that some networks are mostly silent and others mostly spiking
            double scale = (model.tauRatio() == 1.0 ? 2.5 : 1.6) * 8.0 / pre * r.nextDouble(0.15, 1.5);
            for (int s = 0; s < w.length; s++) {
                w[s] = r.nextDouble(-0.6, 1.4) * scale;
            }
            DelayKind k = l == 1 && kind != DelayKind.NONE ? DelayKind.SYNAPTIC : kind;
            int count = k.parameterCount(pre, post, 1, 1);
            double[] raw = new double[count];
            for (int p = 0; p < count; p++) {
                raw[p] = r.nextGaussian() * 1.5;
            }
            projections.add(new Projection(l, pre, post, w, k, new DelayParameterisation.Sigmoid(0.0, 1.0),
                    k == DelayKind.NONE ? null : raw, 1, 1));
        }
        return new EventNetwork(model, inputs, projections);
    }
}
