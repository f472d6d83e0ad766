package io.delaynet.cli.report;

/**
 * One plot of the report.
 *
 * @param file    path of the PNG relative to the run folder, e.g. "plots/loss.png"
 * @param caption what the reader is looking at
 * @param warning whether the plot shows a problem
 */
record Figure(String file, String caption, boolean warning) {
}
