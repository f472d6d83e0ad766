package io.delaynet.stepped.estimator;

import io.delaynet.stepped.neuron.NeuronState;

/**
 * How the backward pass gets past a layer's spikes, which have no useful derivative: turns dL/d
 * output of every step into dL/d input of every step, given the layer's whole recorded window.
 * The surrogate gradient ({@link SurrogateGradient}) replaces the spike's derivative point by
 * point; other estimators (neighbourhood aggregation re-simulates the window with one spike
 * flipped) need the whole window, which is why the seam is a layer and not a derivative.
 *
 * <p>A layer with a recurrent projection feeds its own later input, so its error at step t
 * depends on its input gradient at later steps: it is swept one step at a time, backwards, and
 * only estimators that can work that way ({@link #stepwise()}) may serve it.
 */
public interface GradientEstimator {

    /**
     * The whole window at once: writes dL/d input for rows 0..steps-1 of {@code gradInput}.
     *
     * @param gradOutput dL/d output per step (read only)
     * @param adjoint    scratch state of the layer's neuron model and size
     * @param context    the sample's backward context (output layer first)
     */
    void backward(LayerWindow window, double[] gradOutput, double[] gradInput, NeuronState adjoint,
                  BackwardContext context);

    /** Whether {@link #adjointStep} is available, as a recurrent layer needs. */
    boolean stepwise();

    /**
     * One reverse step (t = steps-1 down to 0, {@code adjoint} cleared before t = steps-1): reads
     * row t of {@code gradOutput}, which is complete by then, writes row t of {@code gradInput}.
     *
     * @throws UnsupportedOperationException when not {@link #stepwise()}
     */
    void adjointStep(LayerWindow window, int t, double[] gradOutput, double[] gradInput, NeuronState adjoint);

    /** A short description for inspection output, e.g. "surrogate gradient (exponential)". */
    String describe();
}
