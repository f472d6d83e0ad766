package io.delaynet.stepped.network;

import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.estimator.SurrogateGradient;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small random networks and inputs for tests. */
public final class TestNetworks {
    private TestNetworks() {
    }

    /**
     * A network with the given layer sizes. Weights are N(0, weightStd); delays are
     * {@code k + u} with k a whole number in [0, maxWhole] and u in [0.15, 0.85], so finite
     * differences never cross a whole step, where interpolated delays have kinks.
     */
    public static SteppedNetwork random(long seed, int steps, int[] sizes, NeuronModel neuron, DelayKind kind,
                                            DelayInterpolation interpolation, SpikeFunction spike, double weightStd,
                                            int maxWhole) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            int pre = sizes[l];
            int post = sizes[l + 1];
            double[] w = new double[pre * post];
            for (int k = 0; k < w.length; k++) {
                w[k] = weightStd * r.nextGaussian();
            }
            Projection input = new Projection(pre, post, steps, kind, interpolation, DelayBounds.NON_NEGATIVE, 0,
                    new ParameterGroup("layer" + (l + 1) + ".weights", w, "weights", true),
                    delays("layer" + (l + 1) + ".delays", kind.count(pre, post), r, 0, maxWhole, kind));
            layers.add(new Layer("layer" + (l + 1), neuron, input, null, new SurrogateGradient(spike)));
        }
        return new SteppedNetwork(steps, layers, spike);
    }

    /**
     * As {@link #random}, with a recurrent projection (same delay kind and interpolation, delays
     * of at least one step) on every hidden layer, and the output layer's own neuron model (a
     * read-out, say).
     */
    public static SteppedNetwork recurrent(long seed, int steps, int[] sizes, NeuronModel hidden, NeuronModel output,
                                           DelayKind kind, DelayInterpolation interpolation, SpikeFunction spike,
                                           double weightStd, double recurrentStd, int maxWhole) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            int pre = sizes[l];
            int post = sizes[l + 1];
            boolean last = l + 2 == sizes.length;
            String name = "layer" + (l + 1);
            Projection input = new Projection(pre, post, steps, kind, interpolation, DelayBounds.NON_NEGATIVE, 0,
                    new ParameterGroup(name + ".weights", gaussians(r, pre * post, weightStd), "weights", true),
                    delays(name + ".delays", kind.count(pre, post), r, 0, maxWhole, kind));
            Projection recurrent = last ? null : new Projection(post, post, steps, kind, interpolation,
                    new DelayBounds(1, Double.POSITIVE_INFINITY), 1,
                    new ParameterGroup(name + ".recurrent.weights", gaussians(r, post * post, recurrentStd), "weights",
                            true),
                    delays(name + ".recurrent.delays", kind.count(post, post), r, 1, maxWhole, kind));
            layers.add(new Layer(name, last ? output : hidden, input, recurrent, new SurrogateGradient(spike)));
        }
        return new SteppedNetwork(steps, layers, spike);
    }

    private static double[] gaussians(SplittableRandom r, int n, double std) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = std * r.nextGaussian();
        }
        return w;
    }

    /** Delays k + u, k whole in [least, maxWhole], u in [0.15, 0.85]; null for no delays. */
    static ParameterGroup delays(String name, int count, SplittableRandom r, int least, int maxWhole, DelayKind kind) {
        if (kind == DelayKind.NONE) {
            return null;
        }
        double[] d = new double[count];
        for (int k = 0; k < d.length; k++) {
            d[k] = least + r.nextInt(maxWhole - least + 1) + 0.15 + 0.7 * r.nextDouble();
        }
        return new ParameterGroup(name, d, "delays", true);
    }

    /** Input events: each neuron spikes with probability {@code rate} per step, with the given value. */
    public static SpikeEvents randomInput(long seed, int steps, int size, double rate, boolean graded) {
        SplittableRandom r = new SplittableRandom(seed);
        SpikeEvents events = new SpikeEvents(steps);
        events.clear();
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < size; i++) {
                if (r.nextDouble() < rate) {
                    events.add(t, i, graded ? 0.2 + 0.8 * r.nextDouble() : 1.0);
                }
            }
        }
        events.finish();
        return events;
    }
}
