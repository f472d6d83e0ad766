/**
 * The network description: one engine-neutral account of a network — populations, neuron
 * dynamics in the units of an explicit clock, projections with post-major weights and effective
 * delays, feed-forward or recurrent, which population is the input and which the output — that
 * every engine writes and builds from, and that model files, reports, NIR export and the spiking
 * backends read. Sealed interfaces ({@link io.delaynet.model.Neuron},
 * {@link io.delaynet.model.DelayRealisation}) make every consumer's {@code switch} exhaustive:
 * a new neuron model is a compile error wherever it is not handled yet.
 * {@link io.delaynet.model.DescriptionJson} is its file form.
 */
package io.delaynet.model;
