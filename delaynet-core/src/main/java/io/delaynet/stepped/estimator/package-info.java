/**
 * Gradient estimators of the time-stepped engine: how the backward pass crosses a layer's
 * non-differentiable spikes, with the layer's whole recorded window in view
 * ({@link io.delaynet.stepped.estimator.GradientEstimator}). The surrogate gradient is one;
 * neighbourhood aggregation, which re-simulates the window, is another.
 */
package io.delaynet.stepped.estimator;
