/** Plots shared by commands: spike rasters, class activity, PNG writing. */
package io.delaynet.cli.plot;
