/** Losses on the output layer's output (spike trains, or a leaky-integrator read-out's potentials) and the rules that turn the output into a class. */
package io.delaynet.stepped.loss;
