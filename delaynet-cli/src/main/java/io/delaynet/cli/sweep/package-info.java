/**
 * {@code delaynet sweep FILE --out DIR}: a sweep file's runs (read and expanded by the core's
 * {@link io.delaynet.run.sweep.SweepFile}) trained on a thread pool, or with {@code --spark} by
 * the optional delaynet-spark module, found through {@link io.delaynet.run.sweep.SweepRunnerFactory}
 * so that nothing here loads Spark; then the folder's results.csv, summary.csv, plots and index.html.
 */
package io.delaynet.cli.sweep;
