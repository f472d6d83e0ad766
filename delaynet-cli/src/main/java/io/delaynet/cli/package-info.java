/**
 * The {@code delaynet} command (picocli): train, eval, inspect, report, config and
 * the sub-commands for audio, chip and benchmarks. Commands parse flags, call the library
 * ({@link io.delaynet.run}) and print: progress bars, one-line errors with exit status 2 for user
 * mistakes ({@link io.delaynet.cli.Main}), and Ctrl-C handling that leaves a resumable run.
 */
package io.delaynet.cli;
