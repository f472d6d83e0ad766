package io.delaynet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code delaynet} command. */
@Command(name = "delaynet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train spiking neural networks whose transmission delays are learned.",
        subcommands = {CommandLine.HelpCommand.class, io.delaynet.cli.bench.BenchCommand.class,
                io.delaynet.cli.audio.AudioCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status; used by tests to avoid System.exit. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
