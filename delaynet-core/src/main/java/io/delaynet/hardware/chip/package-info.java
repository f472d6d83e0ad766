/**
 * The emulated chip: a BrainScaleS-2-like analog substrate whose imperfections (fixed-pattern
 * mismatch, trial noise, weight and time resolution, bounded delays) are all explicit in
 * {@link io.delaynet.hardware.chip.ChipParameters}, with neurons integrated exactly event by event
 * ({@link io.delaynet.hardware.chip.MembraneIntegrator}). See docs/chip-emulator.md.
 */
package io.delaynet.hardware.chip;
