package io.delaynet.stepped.network;

import io.delaynet.stepped.estimator.GradientEstimator;
import io.delaynet.stepped.neuron.NeuronModel;
import java.util.Objects;

/**
 * One population of the time-stepped network with what feeds it: the feed-forward projection
 * from the layer below (or the data), an optional recurrent projection from the layer's own
 * output (delays of at least one step), its neuron dynamics and the gradient estimator its
 * backward pass uses.
 *
 * @param name      the population's name, also the prefix of its parameter groups ("layer1")
 * @param recurrent null for a layer without recurrence
 */
public record Layer(String name, NeuronModel neuron, Projection input, Projection recurrent,
                    GradientEstimator estimator) {
    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(neuron, "neuron");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(estimator, "estimator");
        if (input.recurrent()) {
            throw new IllegalArgumentException(name + ": the feed-forward projection may deliver at step 0 (earliest 0)");
        }
        if (recurrent != null) {
            if (!recurrent.recurrent() || recurrent.pre() != input.post() || recurrent.post() != input.post()) {
                throw new IllegalArgumentException(name + ": a recurrent projection connects the layer's "
                        + input.post() + " neurons to themselves with delays of at least one step");
            }
            if (!estimator.stepwise()) {
                throw new IllegalArgumentException(name + ": " + estimator.describe()
                        + " needs the whole window and cannot serve a recurrent layer");
            }
        }
    }

    /** Number of neurons. */
    public int size() {
        return input.post();
    }

    public boolean isRecurrent() {
        return recurrent != null;
    }
}
