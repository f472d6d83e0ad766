package io.delaynet.stepped.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import org.junit.jupiter.api.Test;

class LifTest {
    private static final SpikeFunction SPIKE = new SpikeFunction.Threshold(new Surrogate.FastSigmoid(0.5, 1));

    @Test
    void resetBySubtractionKeepsTheExcess() {
        LifParams p = LifParams.ofBeta(0.5, 1.0, LifParams.Reset.SUBTRACT, true);
        double[] input = {1.5, 0, 0.6, 0};
        double[] membrane = new double[4];
        double[] spikes = new double[4];
        p.run(p.newState(1), input, 4, membrane, spikes, SPIKE);
        // v0 = 1.5 spikes, keeps 0.5; v1 = 0.25; v2 = 0.125 + 0.6; v3 = 0.3625
        assertArrayEquals(new double[] {1.5, 0.25, 0.725, 0.3625}, membrane, 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0}, spikes);
    }

    @Test
    void resetToZeroForgetsTheExcess() {
        LifParams p = LifParams.ofBeta(0.5, 1.0, LifParams.Reset.ZERO, true);
        double[] input = {1.5, 0, 1.0, 0};
        double[] membrane = new double[4];
        double[] spikes = new double[4];
        p.run(p.newState(1), input, 4, membrane, spikes, SPIKE);
        assertArrayEquals(new double[] {1.5, 0, 1.0, 0}, membrane, 1e-12);
        assertArrayEquals(new double[] {1, 0, 1, 0}, spikes);
    }
}
