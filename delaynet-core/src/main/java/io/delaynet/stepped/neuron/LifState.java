package io.delaynet.stepped.neuron;

import java.util.Arrays;

/** State of LIF neurons: the membrane potential after the last step's reset. */
public record LifState(double[] potential) implements NeuronState {

    public static LifState atRest(int size) {
        return new LifState(new double[size]);
    }

    @Override
    public int size() {
        return potential.length;
    }

    @Override
    public void clear() {
        Arrays.fill(potential, 0);
    }
}
