package io.delaynet.cli.bench;

import picocli.CommandLine.Command;

/**
 * {@code delaynet bench ...}: speed measurements that print a ratio against a baseline measured
 * in the same run. Each engine registers its own subcommand here.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training and encoding speed on this machine.",
        subcommands = {DelGradBench.class, SteppedBenchCommand.class, OnlineBenchCommand.class, NaBenchCommand.class,
                io.delaynet.cli.audio.AudioBenchCommand.class})
public final class BenchCommand {
}
