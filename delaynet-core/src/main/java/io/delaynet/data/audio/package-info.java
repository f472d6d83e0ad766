/**
 * Spoken digits as spikes: WAV reading, the Free Spoken Digit Dataset and its splits, the cochlea-like
 * front end (gammatone filterbank, rectification, compression, LIF encoders; scalar and Vector API kernels
 * with identical output), the encoding cache, SHD-layout spike events and their binning onto a step grid,
 * and {@link io.delaynet.data.audio.SpikeDataSets}, which loads fsdd or shd into a train/test split.
 * See docs/audio-frontend.md.
 */
package io.delaynet.data.audio;
