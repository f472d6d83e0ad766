package io.delaynet.cli.nir;

import io.delaynet.config.ConfigException;
import io.delaynet.nir.NirFile;
import io.delaynet.nir.NirGraph;
import io.delaynet.nir.NirSimulation;
import io.delaynet.nir.NirTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code delaynet nir run}: simulate a NIR graph on a time grid, input and output as CSV. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a NIR graph (feed-forward or recurrent) with a fixed time step.",
                "Input: one CSV row per step, one column per input channel. Output: a CSV with step, time, "
                        + "the Output nodes' values and the membranes of --record nodes."})
public final class NirRunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.nir", description = "The NIR graph.")
    Path file;

    @Option(names = "--input", required = true, paramLabel = "IN.csv", description = "Input, one row per step.")
    Path input;

    @Option(names = "--dt", required = true, paramLabel = "SECONDS", description = "The time step in seconds, e.g. 1e-4.")
    double dt;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "Where to write the trace.")
    Path out;

    @Option(names = "--first-column", defaultValue = "0", paramLabel = "K",
            description = "Column of the first input channel (default: ${DEFAULT-VALUE}).")
    int firstColumn;

    @Option(names = "--steps", paramLabel = "N", description = "Steps to simulate (default: the input's rows).")
    Integer steps;

    @Option(names = "--integration", defaultValue = "exact", paramLabel = "exact|euler",
            description = "exact: input held over a step, ODEs solved exactly; euler: one forward-Euler step "
                    + "(default: ${DEFAULT-VALUE}).")
    String integration;

    @Option(names = "--reset", defaultValue = "nir", paramLabel = "nir|subtract",
            description = "nir: v <- v_reset after a spike (node metadata may say subtract); subtract: v <- v - v_threshold "
                    + "everywhere (default: ${DEFAULT-VALUE}).")
    String reset;

    @Option(names = "--spikes", paramLabel = "unit|dirac",
            description = "unit: a spike is 1 in its step; dirac: 1/dt (area 1, continuous time) "
                    + "(default: what the graph's delaynet.spikes metadata says, else unit).")
    String spikes;

    @Option(names = "--record", paramLabel = "NODE", split = ",",
            description = "Neuron nodes whose membrane potentials to add to the output.")
    List<String> record = List.of();

    @Override
    public Integer call() throws IOException {
        NirGraph graph = NirFile.read(file);
        String spikeText = spikes != null ? spikes : graph.metadata().getOrDefault(io.delaynet.nir.NirNames.SPIKES, "unit");
        NirSimulation.Options options = new NirSimulation.Options(dt, parse(NirSimulation.Integration.class, integration,
                "--integration"), parse(NirSimulation.Reset.class, reset, "--reset"),
                parse(NirSimulation.Spikes.class, spikeText, "--spikes"));
        NirSimulation sim = NirSimulation.build(graph, options);
        double[][] rows = NirTrace.readInput(input, firstColumn, sim.inputSize());
        int n = steps == null ? rows.length : steps;
        if (n < 1) {
            throw new ConfigException("--steps must be >= 1, got " + n);
        }
        String csv = NirTrace.run(sim, rows, n, record, dt);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, csv);
        System.out.printf(Locale.ROOT, "simulated %s: %d steps of %s s, %d inputs, %d outputs -> %s%n", file, n, dt,
                sim.inputSize(), sim.outputSize(), out);
        return 0;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + text + "'");
        }
    }
}
