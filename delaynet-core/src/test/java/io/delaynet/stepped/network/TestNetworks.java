package io.delaynet.stepped.network;

import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.DelayKind;
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
    public static FeedForwardNetwork random(long seed, int steps, int[] sizes, NeuronModel neuron, DelayKind kind,
                                            DelayInterpolation interpolation, SpikeFunction spike, double weightStd,
                                            int maxWhole) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Projection> projections = new ArrayList<>();
        List<NeuronModel> neurons = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            int pre = sizes[l];
            int post = sizes[l + 1];
            double[] w = new double[pre * post];
            for (int k = 0; k < w.length; k++) {
                w[k] = weightStd * r.nextGaussian();
            }
            double[] d = new double[kind.count(pre, post)];
            for (int k = 0; k < d.length; k++) {
                d[k] = r.nextInt(maxWhole + 1) + 0.15 + 0.7 * r.nextDouble();
            }
            projections.add(new Projection(pre, post, steps, kind, interpolation, DelayBounds.NON_NEGATIVE,
                    new ParameterGroup("layer" + (l + 1) + ".weights", w, "weights", true),
                    new ParameterGroup("layer" + (l + 1) + ".delays", d, "delays", true)));
            neurons.add(neuron);
        }
        return new FeedForwardNetwork(steps, projections, neurons, spike);
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
