/** The offline HTML report of a run folder: learning curves, delay histograms with pile-up warnings, spike rasters (XChart PNGs), written by {@link io.delaynet.cli.report.ReportWriter}. */
package io.delaynet.cli.report;
