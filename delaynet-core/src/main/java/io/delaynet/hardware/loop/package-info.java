/**
 * Chip-in-the-loop training: the forward pass on a {@link io.delaynet.hardware.SpikingBackend},
 * DelGrad's gradients on the host at the observed spike times with the nominal model.
 */
package io.delaynet.hardware.loop;
