package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DelGrad's gradients against central finite differences on MNIST-sized layers: 300 inputs (a
 * fifth silent, like black pixels) into 40 hidden neurons and 10 outputs, for every delay kind in
 * the first projection (synaptic in the second) and both tau ratios. Large causal sets exercise
 * the sorted lists and the shared lists of the forward pass. A random sample of each group's
 * parameters is checked, where no causal set changes across the step.
 */
class LargeLayerGradientTest {
    private static final double STEP = 1e-6;
    private static final int PER_GROUP = 60;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (double ratio : new double[] {1.0, 2.0}) {
            for (DelayKind kind : DelayKind.values()) {
                out.add(Arguments.of(ratio, kind));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "tau ratio {0}, {1} delays")
    @MethodSource("cases")
    void gradientsOfLargeLayersMatchCentralDifferences(double ratio, DelayKind kind) {
        SplittableRandom r = new SplittableRandom(99 + kind.ordinal() * 13L + (long) ratio);
        LifModel model = new LifModel(ratio, 1.0);
        int inputs = 300;
        int compared = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            EventNetwork net = network(r, model, kind, inputs);
            EventTrace trace = net.newTrace();
            double[] input = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                input[i] = r.nextDouble() < 0.2 ? Double.POSITIVE_INFINITY : 0.15 + 1.85 * r.nextDouble();
            }
            double[] coefficients = new double[net.outputSize()];
            for (int j = 0; j < coefficients.length; j++) {
                coefficients[j] = r.nextGaussian();
            }
            double base = GradientCheckTest.loss(net, input, coefficients, trace);
            if (!Double.isFinite(base)) {
                continue;
            }
            int[] signature = GradientCheckTest.causalSignature(net, trace);
            double[] dOut = new double[coefficients.length];
            for (int j = 0; j < dOut.length; j++) {
                dOut[j] = Double.isFinite(trace.outputTimes()[j]) ? coefficients[j] : 0;
            }
            double[][] grads = net.newGradients();
            net.setOutputGradient(trace, dOut);
            net.backward(trace, grads, Double.POSITIVE_INFINITY);
            double[] inputGrad = trace.timeGradient(0).clone();
            List<ParameterGroup> groups = net.parameters();
            for (int g = 0; g < groups.size(); g++) {
                double[] values = groups.get(g).values();
                for (int n = 0; n < Math.min(PER_GROUP, values.length); n++) {
                    int p = r.nextInt(values.length);
                    double keep = values[p];
                    values[p] = keep + STEP;
                    net.refresh();
                    double plus = GradientCheckTest.loss(net, input, coefficients, trace);
                    boolean same = Arrays.equals(signature, GradientCheckTest.causalSignature(net, trace));
                    values[p] = keep - STEP;
                    net.refresh();
                    double minus = GradientCheckTest.loss(net, input, coefficients, trace);
                    same &= Arrays.equals(signature, GradientCheckTest.causalSignature(net, trace));
                    values[p] = keep;
                    net.refresh();
                    if (same) {
                        compare(grads[g][p], (plus - minus) / (2 * STEP), groups.get(g).name() + "[" + p + "]");
                        compared++;
                    }
                }
            }
            for (int n = 0; n < PER_GROUP; n++) {
                int i = r.nextInt(inputs);
                if (input[i] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double keep = input[i];
                input[i] = keep + STEP;
                double plus = GradientCheckTest.loss(net, input, coefficients, trace);
                boolean same = Arrays.equals(signature, GradientCheckTest.causalSignature(net, trace));
                input[i] = keep - STEP;
                double minus = GradientCheckTest.loss(net, input, coefficients, trace);
                same &= Arrays.equals(signature, GradientCheckTest.causalSignature(net, trace));
                input[i] = keep;
                if (same) {
                    compare(inputGrad[i], (plus - minus) / (2 * STEP), "input[" + i + "]");
                    compared++;
                }
            }
        }
        assertTrue(compared > 150, "enough derivatives compared: " + compared);
    }

    private static EventNetwork network(SplittableRandom r, LifModel model, DelayKind kind, int inputs) {
        int[] sizes = {inputs, 40, 10};
        List<Projection> projections = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            int pre = sizes[l];
            int post = sizes[l + 1];
            double[] w = new double[pre * post];
            // about as many inputs before the spike as in a trained MNIST layer: tens, not all
            double mean = (model.tauRatio() == 1.0 ? 8.0 : 5.0) / pre;
            for (int s = 0; s < w.length; s++) {
                w[s] = mean * (1 + 2.5 * r.nextGaussian());
            }
            DelayKind k = l == 1 && kind != DelayKind.NONE ? DelayKind.SYNAPTIC : kind;
            int count = k.parameterCount(pre, post, 1, 1);
            double[] raw = new double[count];
            for (int p = 0; p < count; p++) {
                raw[p] = r.nextGaussian();
            }
            projections.add(new Projection(l, pre, post, w, k, new DelayParameterisation.Sigmoid(0.0, 1.0),
                    k == DelayKind.NONE ? null : raw, 1, 1));
        }
        return new EventNetwork(model, inputs, projections);
    }

    private static void compare(double analytic, double numeric, String what) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        assertTrue(Math.abs(analytic - numeric) <= 1e-6 * scale + 1e-8,
                what + ": analytic " + analytic + " vs finite difference " + numeric);
    }
}
