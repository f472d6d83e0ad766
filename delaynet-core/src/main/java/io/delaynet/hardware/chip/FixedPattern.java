package io.delaynet.hardware.chip;

import io.delaynet.util.RandomStreams;
import java.util.SplittableRandom;

/**
 * The frozen standard-normal draws that make one chip instance differ from another: per layer,
 * one draw per neuron for each neuron parameter, one per delay element and one per synapse circuit. They depend only on
 * the chip seed, the layer and the index, never on what is loaded or on the noise scale, so the
 * same physical neuron keeps its quirks across loads and a noise sweep scales one fixed pattern.
 */
final class FixedPattern {
    private final RandomStreams streams;

    FixedPattern(long chipSeed) {
        this.streams = new RandomStreams(chipSeed);
    }

    /** Standard-normal deviations of one neuron parameter ("tau-m", "threshold", ...) in a layer. */
    double[] neurons(String parameter, int layer, int count) {
        return draws("chip-" + parameter, layer, count);
    }

    /** Standard-normal deviations of the delay elements of a layer. */
    double[] delayElements(int layer, int count) {
        return draws("chip-delay-element", layer, count);
    }

    /**
     * Standard-normal deviations of the synapse circuits of a layer, post-major. A connection has
     * an excitatory and an inhibitory circuit (the weight's sign selects one, as on BrainScaleS-2),
     * and the two are different transistors, so each has its own stream.
     */
    double[] synapses(boolean excitatory, int layer, int count) {
        return draws(excitatory ? "chip-synapse-excitatory" : "chip-synapse-inhibitory", layer, count);
    }

    private double[] draws(String purpose, int layer, int count) {
        SplittableRandom r = streams.stream(purpose, layer);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = RandomStreams.gaussian(r);
        }
        return out;
    }
}
