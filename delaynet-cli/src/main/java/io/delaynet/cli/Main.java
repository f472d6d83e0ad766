package io.delaynet.cli;

import io.delaynet.config.ConfigException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code delaynet} command. */
@Command(name = "delaynet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train spiking neural networks whose transmission delays are learned.",
        subcommands = {TrainCommand.class, EvalCommand.class, InspectCommand.class, ReportCommand.class,
                ConfigCommand.class, io.delaynet.cli.audio.AudioCommand.class, io.delaynet.cli.chip.ChipCommand.class,
                io.delaynet.cli.bench.BenchCommand.class, io.delaynet.cli.nir.NirCommand.class, ExportCommand.class, ImportCommand.class,
                io.delaynet.cli.sweep.SweepRunCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status; used by tests to avoid System.exit. */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // the heap is free again once the command's objects are gone: one line, exit 2, like any user error
            cli.getErr().println("delaynet: out of memory (this JVM may use at most "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB); make the network, the encoding or the "
                    + "batch smaller, or give Java more memory (DELAYNET_JAVA_OPTS=-Xmx8g ./delaynet ..., "
                    + "or java -Xmx8g -jar delaynet.jar ...)");
            cli.getErr().flush();
            return 2;
        }
    }

    /**
     * The {@code delaynet} command line with the project's convention for user errors (a bad
     * config, a missing or damaged data file): one line naming the problem and the fix on stderr
     * and exit status 2, no stack trace. Anything else is a bug and keeps its stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException || ex instanceof io.delaynet.data.DataException || ex instanceof UserFacing) {
                commandLine.getErr().println("delaynet: " + ex.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            throw ex;
        });
        return cli;
    }

    /**
     * A command line picocli cannot parse (an unknown option, a missing or mistyped value): one line
     * naming it, picocli's suggestions if any, and where the usage is, instead of the whole usage
     * text after the message; exit 2 like every user error.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        StringBuilder line = new StringBuilder("delaynet: ")
                .append(String.valueOf(ex.getMessage()).strip().replaceAll("\\s*\\R\\s*", " "));
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            List<String> suggestions = u.getSuggestions();
            line.append(" (did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3,
                    suggestions.size())))).append("?)");
        }
        line.append("; see '").append(c.getCommandSpec().qualifiedName()).append(" --help'");
        c.getErr().println(line);
        c.getErr().flush();
        return 2;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Marker for exceptions whose message is meant for the user as is. */
    public interface UserFacing {
    }
}
