package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.loss.CountCrossEntropy;
import io.delaynet.stepped.loss.ReadoutCrossEntropy;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.neuron.CubaLifParams;
import io.delaynet.stepped.neuron.LeakyIntegratorParams;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.neuron.SrmParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BPTT through recurrent layers against central finite differences, on the smooth stand-in
 * (sigmoid spikes forward and backward, resets differentiated, delays interpolated and kept away
 * from whole steps): recurrent weights and recurrent delays as well as the feed-forward ones,
 * CubaLIF, LIF and SRM hidden layers, spiking or leaky-integrator read-outs. Relative error at most
 * 1e-6.
 */
class RecurrentGradientCheckTest {
    private static final int STEPS = 10;

    static Stream<Arguments> cases() {
        NeuronModel cuba = new CubaLifParams(2.0, 4.0, 1.0, LifParams.Reset.SUBTRACT, false);
        NeuronModel cubaZero = new CubaLifParams(1.5, 6.0, 1.0, LifParams.Reset.ZERO, false);
        NeuronModel lif = LifParams.ofBeta(0.8, 1.0, LifParams.Reset.SUBTRACT, false);
        NeuronModel srm = new SrmParams(1.0, 3.0, 1.0, 2.0, false);
        NeuronModel readout = new LeakyIntegratorParams(5.0);
        DelayInterpolation linear = new DelayInterpolation.Linear();
        DelayInterpolation gaussian = new DelayInterpolation.Gaussian(0.6);
        SpikeLoss everyStep = new ReadoutCrossEntropy(ReadoutCrossEntropy.Over.EVERY_STEP);
        SpikeLoss mean = new ReadoutCrossEntropy(ReadoutCrossEntropy.Over.MEAN);
        SpikeLoss count = new CountCrossEntropy();
        List<Arguments> all = new ArrayList<>();
        long seed = 40;
        for (DelayKind kind : DelayKind.values()) {
            all.add(Arguments.of("cuba/" + kind + "/linear/readout-every-step", seed++, cuba, readout, kind, linear,
                    everyStep));
            all.add(Arguments.of("cuba-zero/" + kind + "/gaussian/readout-mean", seed++, cubaZero, readout, kind,
                    gaussian, mean));
            all.add(Arguments.of("lif/" + kind + "/linear/count", seed++, lif, lif, kind, linear, count));
            all.add(Arguments.of("srm/" + kind + "/gaussian/readout-every-step", seed++, srm, readout, kind, gaussian,
                    everyStep));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recurrentAndFeedForwardGradientsMatchFiniteDifferences(String name, long seed, NeuronModel hidden,
                                                                NeuronModel output, DelayKind kind,
                                                                DelayInterpolation interpolation, SpikeLoss loss) {
        SteppedNetwork net = TestNetworks.recurrent(seed, STEPS, new int[] {5, 4, 3}, hidden, output, kind,
                interpolation, new SpikeFunction.SmoothSigmoid(0.25), 0.9, 0.6, 3);
        SpikeEvents input = TestNetworks.randomInput(seed + 100, STEPS, 5, 0.3, true);
        int label = (int) (seed % 3);
        double[][] analytic = GradientCheckTest.gradients(net, input, loss, label);
        GradientCheckTest.checkAgainstFiniteDifferences(net, input, loss, label, analytic, true);
        List<ParameterGroup> groups = net.parameters();
        int recurrentWeights = indexOf(groups, "layer1.recurrent.weights");
        assertTrue(maxAbs(analytic[recurrentWeights]) > 1e-4, "the recurrent weights must matter: " + name);
    }

    /** Two hidden recurrent layers: the error crosses a recurrent layer on its way down. */
    @Test
    void twoRecurrentLayersMatchFiniteDifferences() {
        NeuronModel cuba = new CubaLifParams(2.0, 4.0, 1.0, LifParams.Reset.SUBTRACT, false);
        SteppedNetwork net = TestNetworks.recurrent(7, STEPS, new int[] {4, 5, 4, 3}, cuba,
                new LeakyIntegratorParams(4.0), DelayKind.SYNAPTIC, new DelayInterpolation.Linear(),
                new SpikeFunction.SmoothSigmoid(0.25), 0.9, 0.6, 3);
        SpikeEvents input = TestNetworks.randomInput(8, STEPS, 4, 0.3, true);
        SpikeLoss loss = new ReadoutCrossEntropy(ReadoutCrossEntropy.Over.EVERY_STEP);
        double[][] analytic = GradientCheckTest.gradients(net, input, loss, 2);
        GradientCheckTest.checkAgainstFiniteDifferences(net, input, loss, 2, analytic, true);
        assertTrue(maxAbs(analytic[indexOf(net.parameters(), "layer1.recurrent.delays")]) > 1e-5);
    }

    /** Whole-step recurrent delays: the deployed (delay-buffer) network runs exactly what training simulates. */
    @Test
    void deployedRecurrentNetworkReproducesTheEngine() {
        SpikeFunction spike = new SpikeFunction.Threshold(new Surrogate.Exponential(1, 1));
        NeuronModel cuba = new CubaLifParams(2.0, 5.0, 1.0, LifParams.Reset.SUBTRACT, true);
        for (DelayKind kind : DelayKind.values()) {
            SteppedNetwork net = TestNetworks.recurrent(21, 20, new int[] {12, 9, 5}, cuba, cuba, kind,
                    new DelayInterpolation.IntegerShift(Rounding.ROUND), spike, 1.2, 0.8, 4);
            DeployedNetwork deployed = DeployedNetwork.of(net);
            int total = 0;
            for (long s = 0; s < 4; s++) {
                SpikeEvents input = TestNetworks.randomInput(s, 20, 12, 0.2, false);
                Activity a = net.newActivity();
                net.forward(input, a);
                assertArrayEquals(a.spikes(1), deployed.run(input), kind.name());
                for (double v : a.spikes(0)) {
                    total += (int) v;
                }
            }
            assertTrue(total > 20, "hidden layer too silent to compare: " + total);
        }
    }

    /** The recurrent projection changes what the layer does: zeroing its weights changes the output. */
    @Test
    void recurrenceIsNotANoOp() {
        SpikeFunction spike = new SpikeFunction.Threshold(new Surrogate.Exponential(1, 1));
        NeuronModel cuba = new CubaLifParams(2.0, 5.0, 1.0, LifParams.Reset.SUBTRACT, true);
        SteppedNetwork net = TestNetworks.recurrent(3, 20, new int[] {12, 9, 5}, cuba, cuba, DelayKind.SYNAPTIC,
                new DelayInterpolation.IntegerShift(Rounding.ROUND), spike, 1.2, 1.5, 4);
        SpikeEvents input = TestNetworks.randomInput(1, 20, 12, 0.2, false);
        Activity a = net.newActivity();
        net.forward(input, a);
        double[] with = a.spikes(0).clone();
        java.util.Arrays.fill(net.layer(0).recurrent().weights().values(), 0.0);
        net.forward(input, a);
        assertNotEquals(java.util.Arrays.toString(with), java.util.Arrays.toString(a.spikes(0)));
        assertEquals(9, net.layer(0).recurrent().pre());
    }

    private static int indexOf(List<ParameterGroup> groups, String name) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).name().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no group " + name);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
