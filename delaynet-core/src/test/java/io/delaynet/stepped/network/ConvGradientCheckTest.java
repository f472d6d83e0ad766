package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Topology;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.estimator.SurrogateGradient;
import io.delaynet.stepped.loss.FilteredKernelLoss;
import io.delaynet.stepped.loss.SpikeCountLoss;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.neuron.FilteredLifParams;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.neuron.PassThroughParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Convolution and pooling backward against central finite differences on the smooth stand-in
 * (a sigmoid spike in the forward pass too, resets differentiated), as {@link GradientCheckTest}
 * does for dense projections: 1x8x8 input, 3x3 convolution to 2 channels, 2x2 sum pooling,
 * 2x2 convolution to 3 channels, a dense read-out (the pooling also without neurons, its sums passed
 * straight on). Every weight of both convolutions and the
 * pooling's one weight are checked, which also checks the input gradients the lower layers need.
 */
class ConvGradientCheckTest {
    private static final int STEPS = 6;
    private static final double H = 1e-6;

    @Test
    void filteredLifConvPoolConvDenseMatchesFiniteDifferences() {
        check(new FilteredLifParams(2.0, 5.0, 1.0, false), new FilteredKernelLoss(2.0), 2.5, 21, 0.3);
    }

    @Test
    void lifConvPoolConvDenseMatchesFiniteDifferences() {
        check(LifParams.ofBeta(0.8, 1.0, LifParams.Reset.ZERO, false), new SpikeCountLoss(3, 1), 1.2, 22, 0.3);
    }

    /** A sparse input: the first convolution takes its event loops (the others see graded, dense input). */
    @Test
    void sparseInputTakesTheEventLoopsAndMatchesToo() {
        check(new FilteredLifParams(2.0, 5.0, 1.0, false), new FilteredKernelLoss(2.0), 4.0, 23, 0.04);
    }

    /**
     * The pooling without neurons of its own (the NA release's): its sums go straight into the second
     * convolution, so the first convolution's input gradient passes through the pooling's identity.
     */
    @Test
    void passThroughPoolingMatchesFiniteDifferences() {
        check(new FilteredLifParams(2.0, 5.0, 1.0, false), new FilteredKernelLoss(2.0), 2.5, 24, 0.3,
                new PassThroughParams());
    }

    private static void check(NeuronModel neuron, SpikeLoss loss, double scale, long seed, double rate) {
        check(neuron, loss, scale, seed, rate, neuron);
    }

    private static void check(NeuronModel neuron, SpikeLoss loss, double scale, long seed, double rate,
                              NeuronModel poolNeuron) {
        SpikeFunction smooth = new SpikeFunction.SmoothSigmoid(0.25);
        SteppedNetwork net = cnn(seed, neuron, smooth, scale, poolNeuron);
        SpikeEvents input = TestNetworks.randomInput(seed + 1, STEPS, 64, rate, true);
        double[][] analytic = GradientCheckTest.gradients(net, input, loss, 1);
        List<ParameterGroup> groups = net.parameters();
        int checked = 0;
        double largest = 0;
        for (int g = 0; g < groups.size(); g++) {
            double[] values = groups.get(g).values();
            for (int k = 0; k < values.length; k++) {
                double saved = values[k];
                values[k] = saved + H;
                double plus = GradientCheckTest.loss(net, input, loss, 1);
                values[k] = saved - H;
                double minus = GradientCheckTest.loss(net, input, loss, 1);
                values[k] = saved;
                double numeric = (plus - minus) / (2 * H);
                assertEquals(numeric, analytic[g][k], 1e-6 * Math.max(1.0, Math.abs(numeric)),
                        groups.get(g).name() + "[" + k + "]");
                largest = Math.max(largest, Math.abs(numeric));
                checked++;
            }
        }
        assertTrue(checked > 50, "too few parameters checked: " + checked);
        assertTrue(largest > 1e-4, "gradients are all (nearly) zero, the check would prove nothing: " + largest);
        for (int g = 0; g < 3; g++) { // the spatial groups themselves carry signal
            double max = 0;
            for (double v : analytic[g]) {
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max > 1e-5, groups.get(g).name() + " has no gradient: " + max);
        }
    }

    static SteppedNetwork cnn(long seed, NeuronModel neuron, SpikeFunction spike, double scale) {
        return cnn(seed, neuron, spike, scale, neuron);
    }

    /** As above, the pooling layer's neurons {@code poolNeuron}. */
    static SteppedNetwork cnn(long seed, NeuronModel neuron, SpikeFunction spike, double scale, NeuronModel poolNeuron) {
        SplittableRandom r = new SplittableRandom(seed);
        Topology conv1 = new Topology.Conv2d(1, 8, 8, 2, 3);
        Topology pool = new Topology.SumPool2d(2, 6, 6, 2);
        Topology conv2 = new Topology.Conv2d(2, 3, 3, 3, 2);
        List<Layer> layers = new ArrayList<>();
        layers.add(layer("layer1", neuron, spike, 64, 72, weights(r, 18, scale / 3), conv1));
        layers.add(layer("layer2", poolNeuron, spike, 72, 18, new double[] {0.6}, pool));
        layers.add(layer("layer3", neuron, spike, 18, 12, weights(r, 24, scale / 2), conv2));
        layers.add(layer("layer4", neuron, spike, 12, 3, weights(r, 36, scale / 3), Topology.Dense.INSTANCE));
        return new SteppedNetwork(STEPS, layers, spike);
    }

    static Layer layer(String name, NeuronModel neuron, SpikeFunction spike, int pre, int post, double[] w,
                       Topology topology) {
        Projection p = new Projection(pre, post, STEPS, DelayKind.NONE,
                new DelayInterpolation.IntegerShift(Rounding.FLOOR), DelayBounds.NON_NEGATIVE, 0,
                new ParameterGroup(name + ".weights", w, "weights", true), null, topology);
        return new Layer(name, neuron, p, null, new SurrogateGradient(spike));
    }

    static double[] weights(SplittableRandom r, int n, double std) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = std * (0.3 + r.nextGaussian());
        }
        return w;
    }
}
