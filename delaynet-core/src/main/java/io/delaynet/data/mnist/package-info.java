/**
 * MNIST and Fashion-MNIST in the idx format: checked loading (magic numbers, sizes, MD5 of the
 * raw bytes), the delay-only reference's brightness-to-step encoding and its seeded
 * training/validation split, and for the event-driven engine the Fast&amp;Deep / DelGrad
 * brightness-to-spike-time encoding ({@link io.delaynet.data.mnist.PixelLatencyEncoding}), their
 * 16x16 downsampling ({@link io.delaynet.data.mnist.ImageResampling}) and held-out-last split.
 */
package io.delaynet.data.mnist;
