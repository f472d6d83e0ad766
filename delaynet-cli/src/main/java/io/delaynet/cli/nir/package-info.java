/** {@code delaynet nir ...}: NIR graphs from other frameworks, run on a time grid (see docs/nir.md). */
package io.delaynet.cli.nir;
