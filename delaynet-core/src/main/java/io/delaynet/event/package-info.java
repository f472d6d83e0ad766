/**
 * The exact event-driven engine (DelGrad): feed-forward time-to-first-spike LIF networks simulated event
 * by event with closed-form spike times ({@link io.delaynet.event.FirstSpike}, Lambert W for
 * tau_m = tau_s, a quadratic for tau_m = 2 tau_s), exact gradients of spike times with respect to weights,
 * delays and input times from the spike times alone ({@link io.delaynet.event.EventNetwork#backward}),
 * observed spike times from a chip ({@link io.delaynet.event.ObservedSpikes}), the learner
 * ({@link io.delaynet.event.DelGradLearner}) with its forward pass as a strategy
 * ({@link io.delaynet.event.ForwardPass}), weight bumping, and the network description of its networks
 * ({@link io.delaynet.event.EventDescriptions}). Time is in units of tau_s.
 */
package io.delaynet.event;
