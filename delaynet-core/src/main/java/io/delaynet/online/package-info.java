/**
 * {@code method: online}: learning weights and delays online with a three-factor rule. Each
 * trainable weight and delay carries an eligibility trace forward in time (the derivative of its
 * neuron's state through the neuron's own dynamics, with a surrogate spike derivative used only
 * there; the forward pass keeps hard spikes); the read-out error, fed back through the read-out's
 * weights or a fixed random matrix, is the third factor. Nothing of the past is stored beyond what
 * the longest delay needs, so memory does not grow with the sequence. The network, its neurons,
 * delay taps and data come from the time-stepped engine ({@link io.delaynet.stepped}). The
 * derivation, and where the rule equals backpropagation through time, is in docs/three-factor.md.
 */
package io.delaynet.online;
