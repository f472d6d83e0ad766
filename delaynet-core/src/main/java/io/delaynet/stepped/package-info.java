/**
 * The time-stepped engine: discrete-time spiking networks trained by surrogate-gradient
 * backpropagation through time, with transmission delays as parameters like weights.
 *
 * <p>The parts are separate so that later rules (online three-factor learning with eligibility
 * traces, neighbourhood aggregation) can replace one without touching the others:
 * <ul>
 *   <li>{@link io.delaynet.stepped.neuron}: neuron dynamics as parameter record, state and step
 *       function, each with its adjoint step for BPTT (SLAYER's SRM, discrete LIF);</li>
 *   <li>{@link io.delaynet.stepped.surrogate}: the spike nonlinearity and the derivative the
 *       backward pass uses for it (the gradient estimator);</li>
 *   <li>{@link io.delaynet.stepped.delay}: how a real-valued delay moves a spike on the step grid
 *       (whole-step shift with the reference's finite-difference gradient, or linear/Gaussian
 *       interpolation with exact gradients), which synapses share a delay, bounds, and the ring
 *       buffer a deployed network uses;</li>
 *   <li>{@link io.delaynet.stepped.loss}: losses on output spike trains and the class decision;</li>
 *   <li>{@link io.delaynet.stepped.network}: projections that move spikes through delays as sparse
 *       events, the feed-forward network's forward and backward passes, and deployment.</li>
 * </ul>
 * {@link io.delaynet.stepped.SteppedMethod} binds them to a configuration ({@code method: stepped})
 * and to MNIST-layout data, and {@link io.delaynet.stepped.SteppedLearner} plugs them into the
 * shared {@link io.delaynet.train.Trainer}.
 */
package io.delaynet.stepped;
