package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.loss.CountCrossEntropy;
import io.delaynet.stepped.loss.FilteredKernelLoss;
import io.delaynet.stepped.loss.FirstSpikeLoss;
import io.delaynet.stepped.loss.SpikeCountLoss;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.loss.SpikeTimeLoss;
import io.delaynet.stepped.neuron.AlphaKernel;
import io.delaynet.stepped.neuron.FilteredLifParams;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.neuron.SrmParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BPTT against central finite differences on a smooth stand-in: the spike is replaced by a
 * sigmoid in the forward pass too, so the "surrogate" derivative is the true one and the whole
 * network is a differentiable function of its weights and delays. Resets and refractory kernels
 * are differentiated (detach off), delays are interpolated (linear or Gaussian) and kept away
 * from whole steps, where the interpolation has kinks. Everything in double precision.
 */
class GradientCheckTest {
    private static final int STEPS = 9;
    private static final double H = 1e-6;

    static Stream<Arguments> cases() {
        NeuronModel srm = new SrmParams(1.0, 3.0, 1.0, 2.0, false);
        NeuronModel lifSubtract = LifParams.ofBeta(0.8, 1.0, LifParams.Reset.SUBTRACT, false);
        NeuronModel lifZero = LifParams.ofBeta(0.7, 1.0, LifParams.Reset.ZERO, false);
        NeuronModel filtered = new FilteredLifParams(2.0, 5.0, 1.0, false);
        SpikeLoss kernel = new FilteredKernelLoss(2.0);
        SpikeLoss spikeCount = new SpikeCountLoss(5, 1);
        DelayInterpolation linear = new DelayInterpolation.Linear();
        DelayInterpolation gaussian = new DelayInterpolation.Gaussian(0.6);
        SpikeLoss spikeTime = new SpikeTimeLoss(new AlphaKernel(2.0, 1.0), 5);
        SpikeLoss count = new CountCrossEntropy();
        SpikeLoss first = new FirstSpikeLoss(1.5);
        List<Arguments> all = new ArrayList<>();
        long seed = 11;
        for (DelayKind kind : DelayKind.values()) {
            all.add(Arguments.of("srm/" + kind + "/linear/spike-time", seed++, srm, kind, linear, spikeTime, 0.9));
            all.add(Arguments.of("srm/" + kind + "/gaussian/count", seed++, srm, kind, gaussian, count, 0.9));
            all.add(Arguments.of("lif-subtract/" + kind + "/linear/first-spike", seed++, lifSubtract, kind, linear,
                    first, 0.8));
            all.add(Arguments.of("lif-zero/" + kind + "/gaussian/spike-time", seed++, lifZero, kind, gaussian,
                    spikeTime, 0.8));
            all.add(Arguments.of("filtered-lif/" + kind + "/linear/filtered-kernel", seed++, filtered, kind, linear,
                    kernel, 2.0));
            all.add(Arguments.of("filtered-lif/" + kind + "/gaussian/spike-count", seed++, filtered, kind, gaussian,
                    spikeCount, 2.0));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weightAndDelayGradientsMatchFiniteDifferences(String name, long seed, NeuronModel neuron, DelayKind kind,
                                                       DelayInterpolation interpolation, SpikeLoss loss,
                                                       double weightStd) {
        SteppedNetwork net = TestNetworks.random(seed, STEPS, new int[] {5, 4, 3}, neuron, kind, interpolation,
                new SpikeFunction.SmoothSigmoid(0.25), weightStd, 2);
        SpikeEvents input = TestNetworks.randomInput(seed + 100, STEPS, 5, 0.3, true);
        int label = (int) (seed % 3);
        double[][] analytic = gradients(net, input, loss, label);
        checkAgainstFiniteDifferences(net, input, loss, label, analytic, true);
    }

    /** An integer shift has no delay derivative, but with a fixed shift the weight gradient is exact. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("integerCases")
    void weightGradientsWithIntegerShiftMatchFiniteDifferences(String name, DelayKind kind, Rounding rounding) {
        NeuronModel srm = new SrmParams(1.0, 3.0, 1.0, 2.0, false);
        SteppedNetwork net = TestNetworks.random(5, STEPS, new int[] {6, 5, 3}, srm, kind,
                new DelayInterpolation.IntegerShift(rounding), new SpikeFunction.SmoothSigmoid(0.25), 0.9, 3);
        SpikeEvents input = TestNetworks.randomInput(6, STEPS, 6, 0.3, false);
        SpikeLoss loss = new SpikeTimeLoss(new AlphaKernel(2.0, 1.0), 5);
        double[][] analytic = gradients(net, input, loss, 1);
        checkAgainstFiniteDifferences(net, input, loss, 1, analytic, false);
    }

    static Stream<Arguments> integerCases() {
        List<Arguments> all = new ArrayList<>();
        for (DelayKind kind : DelayKind.values()) {
            for (Rounding r : Rounding.values()) {
                all.add(Arguments.of(kind + "/" + r, kind, r));
            }
        }
        return all.stream();
    }

    static void checkAgainstFiniteDifferences(SteppedNetwork net, SpikeEvents input, SpikeLoss loss,
                                                      int label, double[][] analytic, boolean delaysToo) {
        List<ParameterGroup> groups = net.parameters();
        SplittableRandom pick = new SplittableRandom(3);
        int checked = 0;
        double largest = 0;
        for (int g = 0; g < groups.size(); g++) {
            boolean isDelay = groups.get(g).rateKey().equals("delays");
            if (isDelay && !delaysToo) {
                continue;
            }
            double[] values = groups.get(g).values();
            for (int n = 0; n < Math.min(values.length, 12); n++) {
                int k = values.length <= 12 ? n : pick.nextInt(values.length);
                double saved = values[k];
                values[k] = saved + H;
                net.clampDelays(); // refresh what the projections derive from their delays
                double plus = loss(net, input, loss, label);
                values[k] = saved - H;
                net.clampDelays();
                double minus = loss(net, input, loss, label);
                values[k] = saved;
                net.clampDelays();
                double numeric = (plus - minus) / (2 * H);
                double tolerance = 1e-6 * Math.max(1.0, Math.abs(numeric));
                String where = groups.get(g).name() + "[" + k + "]";
                assertEquals(numeric, analytic[g][k], tolerance, where);
                largest = Math.max(largest, Math.abs(numeric));
                checked++;
            }
        }
        assertTrue(checked > 10, "too few parameters checked");
        assertTrue(largest > 1e-4, "gradients are all (nearly) zero, the check would prove nothing: " + largest);
    }

    static double[][] gradients(SteppedNetwork net, SpikeEvents input, SpikeLoss loss, int label) {
        Activity a = net.newActivity();
        net.forward(input, a);
        double[] grad = new double[net.steps() * net.outputSize()];
        loss.evaluate(a.spikes(net.layerCount() - 1), net.steps(), net.outputSize(), label, grad);
        List<ParameterGroup> groups = net.parameters();
        double[][] g = new double[groups.size()][];
        for (int i = 0; i < g.length; i++) {
            g[i] = new double[groups.get(i).size()];
        }
        net.backward(input, a, grad, g);
        return g;
    }

    static double loss(SteppedNetwork net, SpikeEvents input, SpikeLoss loss, int label) {
        Activity a = net.newActivity();
        net.forward(input, a);
        return loss.evaluate(a.spikes(net.layerCount() - 1), net.steps(), net.outputSize(), label, null);
    }
}
