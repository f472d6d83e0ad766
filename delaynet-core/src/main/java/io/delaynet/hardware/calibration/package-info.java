/**
 * Delay calibration through a {@link io.delaynet.hardware.SpikingBackend}: every delay element's
 * realised delay measured with probe networks, using only what the backend contract offers (load a
 * network, inject spikes, read spike times), so the same procedure would run on a physical chip.
 */
package io.delaynet.hardware.calibration;
