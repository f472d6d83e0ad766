/** {@code delaynet chip}: noise sweeps of chip-in-the-loop training, with their CSV tables and plot. */
package io.delaynet.cli.chip;
