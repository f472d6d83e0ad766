package io.delaynet.stepped.neuron;

import java.util.Arrays;

/** State of CubaLIF neurons: the synaptic current and the membrane potential after the last reset. */
public record CubaLifState(double[] current, double[] potential) implements NeuronState {

    public static CubaLifState atRest(int size) {
        return new CubaLifState(new double[size], new double[size]);
    }

    @Override
    public int size() {
        return potential.length;
    }

    @Override
    public void clear() {
        Arrays.fill(current, 0);
        Arrays.fill(potential, 0);
    }
}
