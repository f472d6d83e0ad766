/** {@code delaynet audio}: encode FSDD into spikes (with rasters and class-activity plots), the linear read-out baseline, and the front end's benchmark. */
package io.delaynet.cli.audio;
