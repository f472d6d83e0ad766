/**
 * Spiking backends: whatever runs a network's forward pass and reports spike times. The
 * {@link io.delaynet.hardware.SpikingBackend} contract is what a driver for a neuromorphic chip
 * implements; {@link io.delaynet.hardware.IdealBackend} is the exact event-driven simulator and
 * {@link io.delaynet.hardware.chip.EmulatedChip} an emulated analog chip with explicit
 * imperfections. {@code hardware.loop} trains through a backend with DelGrad ("chip in the loop"),
 * {@code hardware.config} wires it as the {@code delgrad-chip} method.
 */
package io.delaynet.hardware;
