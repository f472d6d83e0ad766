package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DelGrad's exact gradients against central finite differences, in double precision, on random
 * small networks with two hidden layers, for every delay kind, both delay parameterisations and
 * both tau ratios. A parameter is compared only where the causal sets of all neurons stay the same
 * across the finite-difference step, because there the spike times are smooth.
 */
class GradientCheckTest {
    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (double ratio : new double[] {1.0, 2.0}) {
            for (DelayKind kind : DelayKind.values()) {
                for (boolean sigmoid : new boolean[] {true, false}) {
                    if (kind == DelayKind.NONE && !sigmoid) {
                        continue;
                    }
                    out.add(Arguments.of(ratio, kind, sigmoid, false));
                    if (ratio == 2.0) {
                        out.add(Arguments.of(ratio, kind, sigmoid, true)); // exponentials from the roots
                    }
                }
            }
        }
        return out.stream();
    }

    static EventNetwork randomNetwork(SplittableRandom r, LifModel model, DelayKind kind, boolean sigmoid, int[] sizes) {
        List<Projection> projections = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            int pre = sizes[l];
            int post = sizes[l + 1];
            double[] w = new double[pre * post];
            for (int s = 0; s < w.length; s++) {
                w[s] = r.nextDouble(-0.3, 1.6) * (model.tauRatio() == 1.0 ? 1.6 : 1.0) * 4.0 / pre;
            }
            DelayParameterisation param = sigmoid ? new DelayParameterisation.Sigmoid(0.1, 1.5)
                    : new DelayParameterisation.Clip(0.0, 10.0);
            DelayKind k = l == 1 && kind != DelayKind.NONE ? DelayKind.SYNAPTIC : kind; // mix kinds across layers
            int count = k.parameterCount(pre, post, 1, 1);
            double[] raw = new double[count];
            for (int p = 0; p < count; p++) {
                raw[p] = sigmoid ? r.nextGaussian() : r.nextDouble(0.05, 1.2);
            }
            projections.add(new Projection(l, pre, post, w, k, param, k == DelayKind.NONE ? null : raw, 1, 1));
        }
        return new EventNetwork(model, sizes[0], projections);
    }

    /** The test loss: a fixed random linear functional of the finite output times. */
    static double loss(EventNetwork net, double[] input, double[] coefficients, EventTrace trace) {
        double[] out = net.forward(input, trace);
        double l = 0;
        for (int j = 0; j < out.length; j++) {
            if (Double.isFinite(out[j])) {
                l += coefficients[j] * out[j];
            }
        }
        return l;
    }

    static int[] causalSignature(EventNetwork net, EventTrace trace) {
        List<Integer> sig = new ArrayList<>();
        for (int l = 1; l <= net.layerCount(); l++) {
            for (int j = 0; j < trace.spikeTimes(l).length; j++) {
                sig.add(trace.causalSetSize(l, j));
            }
        }
        return sig.stream().mapToInt(Integer::intValue).toArray();
    }

    @ParameterizedTest(name = "tau ratio {0}, {1} delays, sigmoid={2}, roots reused {3}")
    @MethodSource("cases")
    void analyticGradientsMatchCentralDifferences(double ratio, DelayKind kind, boolean sigmoid, boolean reuse) {
        SplittableRandom r = new SplittableRandom(1234 + (long) (ratio * 100) + kind.ordinal() * 7 + (sigmoid ? 1 : 0));
        LifModel model = new LifModel(ratio, 1.0);
        int compared = 0;
        for (int network = 0; network < 6; network++) {
            EventNetwork built = randomNetwork(r, model, kind, sigmoid, new int[] {4, 6, 5, 3});
            EventNetwork net = new EventNetwork(model, built.inputSize(), built.projections(), reuse);
            EventTrace trace = net.newTrace();
            for (int sample = 0; sample < 4; sample++) {
                double[] input = new double[4];
                for (int i = 0; i < 4; i++) {
                    input[i] = r.nextDouble() * 2;
                }
                double[] coefficients = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                double base = loss(net, input, coefficients, trace);
                if (!Double.isFinite(base)) {
                    continue;
                }
                int[] signature = causalSignature(net, trace);
                double[] dOut = new double[3];
                for (int j = 0; j < 3; j++) {
                    dOut[j] = Double.isFinite(trace.outputTimes()[j]) ? coefficients[j] : 0;
                }
                double[][] grads = net.newGradients();
                net.setOutputGradient(trace, dOut);
                net.backward(trace, grads, Double.POSITIVE_INFINITY);
                double[] inputGrad = trace.timeGradient(0).clone();

                List<ParameterGroup> groups = net.parameters();
                for (int g = 0; g < groups.size(); g++) {
                    double[] values = groups.get(g).values();
                    for (int p = 0; p < values.length; p++) {
                        double keep = values[p];
                        values[p] = keep + STEP;
                        net.refresh();
                        double plus = loss(net, input, coefficients, trace);
                        boolean samePlus = java.util.Arrays.equals(signature, causalSignature(net, trace));
                        values[p] = keep - STEP;
                        net.refresh();
                        double minus = loss(net, input, coefficients, trace);
                        boolean sameMinus = java.util.Arrays.equals(signature, causalSignature(net, trace));
                        values[p] = keep;
                        net.refresh();
                        if (samePlus && sameMinus) {
                            compare(grads[g][p], (plus - minus) / (2 * STEP), groups.get(g).name() + "[" + p + "]");
                            compared++;
                        }
                    }
                }
                for (int i = 0; i < input.length; i++) {
                    double keep = input[i];
                    input[i] = keep + STEP;
                    double plus = loss(net, input, coefficients, trace);
                    boolean samePlus = java.util.Arrays.equals(signature, causalSignature(net, trace));
                    input[i] = keep - STEP;
                    double minus = loss(net, input, coefficients, trace);
                    boolean sameMinus = java.util.Arrays.equals(signature, causalSignature(net, trace));
                    input[i] = keep;
                    if (samePlus && sameMinus) {
                        compare(inputGrad[i], (plus - minus) / (2 * STEP), "input[" + i + "]");
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 200, "enough derivatives compared: " + compared);
    }

    private static void compare(double analytic, double numeric, String what) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        // relative 1e-6; an absolute floor for derivatives that are zero up to round-off
        assertTrue(Math.abs(analytic - numeric) <= TOLERANCE * scale + 1e-8,
                what + ": analytic " + analytic + " vs finite difference " + numeric);
    }
}
