/**
 * MNIST and Fashion-MNIST in the idx format: checked loading (magic numbers, sizes, MD5 of the
 * raw bytes), the delay-only reference's brightness-to-latency encoding and its seeded
 * training/validation split.
 */
package io.delaynet.data.mnist;
