package io.delaynet.stepped;

import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Learner;
import java.util.Arrays;

/** One worker's buffers: the network's activity, the input spikes and the gradient accumulators. */
public final class SteppedWorkspace implements Learner.Workspace {
    final Activity activity;
    final SpikeEvents input;
    final SpikeEvents denseInput;
    final double[] gradOutput;
    private final double[][] gradients;
    /** The accumulators backpropagation writes: frozen groups are null, so they are never computed. */
    final double[][] trained;

    SteppedWorkspace(Activity activity, int steps, int outputs, double[][] gradients, boolean[] trainable) {
        this.activity = activity;
        this.input = new SpikeEvents(steps);
        this.denseInput = new SpikeEvents(steps);
        this.gradOutput = new double[steps * outputs];
        this.gradients = gradients;
        this.trained = new double[gradients.length][];
        for (int g = 0; g < gradients.length; g++) {
            trained[g] = trainable[g] ? gradients[g] : null;
        }
    }

    @Override
    public double[][] gradients() {
        return gradients;
    }

    /** Zeroes only the trained accumulators: frozen ones stay zero, and can be a 784x800 array. */
    @Override
    public void reset() {
        for (double[] g : trained) {
            if (g != null) {
                Arrays.fill(g, 0.0);
            }
        }
    }
}
