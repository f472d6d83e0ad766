package io.delaynet.stepped.estimator;

import io.delaynet.stepped.neuron.NeuronState;
import io.delaynet.stepped.surrogate.SpikeFunction;

/**
 * Backpropagation through time with the spike's derivative taken from a {@link SpikeFunction}:
 * the surrogate derivative of a threshold (the usual surrogate-gradient method), or the true
 * derivative of the smooth stand-in used to check gradients. The neuron's own adjoint step does
 * the work, point by point, so it serves recurrent layers too.
 */
public record SurrogateGradient(SpikeFunction spike) implements GradientEstimator {

    @Override
    public void backward(LayerWindow w, double[] gradOutput, double[] gradInput, NeuronState adjoint,
                         BackwardContext context) {
        w.neuron().backpropagate(adjoint, w.membrane(), w.output(), gradOutput, w.steps(), gradInput, spike);
    }

    @Override
    public boolean stepwise() {
        return true;
    }

    @Override
    public void adjointStep(LayerWindow w, int t, double[] gradOutput, double[] gradInput, NeuronState adjoint) {
        w.neuron().adjointStep(adjoint, w.membrane(), w.output(), gradOutput, t * w.size(), gradInput, spike);
    }

    @Override
    public String describe() {
        return switch (spike) {
            case SpikeFunction.Threshold t -> "surrogate gradient (" + t.surrogate().getClass().getSimpleName()
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) + ")";
            case SpikeFunction.SmoothSigmoid s -> "exact gradient of the smooth sigmoid stand-in";
        };
    }
}
