/**
 * Neuron dynamics of the time-stepped engine, each a parameter record with a pure step function and its
 * adjoint step for backpropagation through time (Norse's shape): SLAYER's SRM, discrete LIF, LIF with a
 * current-based synapse (CubaLIF), the NA paper's filtered LIF, and the leaky-integrator read-out. Time constants are in steps.
 */
package io.delaynet.stepped.neuron;
