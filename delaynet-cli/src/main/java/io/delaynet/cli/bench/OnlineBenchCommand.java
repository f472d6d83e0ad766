package io.delaynet.cli.bench;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.online.OnlineBenchmark;
import io.delaynet.online.OnlineMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code delaynet bench online}: samples per second of online three-factor learning against BPTT
 * on the same network in the same run (one thread, random input spikes of the data's width), and
 * the memory one online worker holds for sequences of T and 10 T steps.
 */
@Command(name = "online", mixinStandardHelpOptions = true,
        description = "Samples per second of online learning vs BPTT on the same network, and online memory for T and 10 T steps.")
public final class OnlineBenchCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, description = "An online-method config (default: the method's defaults, "
            + "the recurrent synaptic FSDD network).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Config override (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--samples", defaultValue = "20", description = "Sequences timed on each side (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--steps", defaultValue = "100", description = "T, steps per sequence (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--inputs", defaultValue = "64", description = "Input neurons (default: ${DEFAULT-VALUE}, FSDD's channels).")
    int inputs;

    @Option(names = "--classes", defaultValue = "10", description = "Read-out neurons (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--rate", defaultValue = "0.1", description = "Input spike probability per neuron and step (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        try {
            if (samples < 1 || steps < 1 || inputs < 1 || classes < 2 || !(rate >= 0 && rate <= 1)) {
                throw new ConfigException("--samples, --steps and --inputs must be >= 1, --classes >= 2 and --rate in [0, 1]");
            }
            OnlineMethod method = new OnlineMethod();
            ObjectNode tree = config == null ? method.defaults() : ConfigTree.merge(method.defaults(), ConfigTree.read(config));
            for (String o : overrides) {
                ConfigTree.override(tree, o);
            }
            OnlineBenchmark.Result r = OnlineBenchmark.run(tree, inputs, classes, steps, samples, rate);
            if (json) {
                System.out.println(String.format(Locale.ROOT, "{\"steps\": %d, \"samples\": %d, \"online_samples_per_s\": %.6g, "
                        + "\"bptt_samples_per_s\": %.6g, \"online_memory_bytes_T\": %d, \"online_memory_bytes_10T\": %d}",
                        r.steps(), r.samples(), r.onlineSamplesPerS(), r.bpttSamplesPerS(), r.onlineMemoryBytesT(),
                        r.onlineMemoryBytes10T()));
            } else {
                System.out.println(String.format(Locale.ROOT, "online bench: %d inputs -> %s, T=%d, %d sequences per side, 1 thread",
                        inputs, tree.get("network").get("hidden"), steps, samples));
                System.out.println(String.format(Locale.ROOT, "online learning: %8.2f samples/s", r.onlineSamplesPerS()));
                System.out.println(String.format(Locale.ROOT, "BPTT (stepped) : %8.2f samples/s", r.bpttSamplesPerS()));
                System.out.println(String.format(Locale.ROOT, "online memory per worker: %d bytes for T, %d bytes for 10 T",
                        r.onlineMemoryBytesT(), r.onlineMemoryBytes10T()));
            }
            return 0;
        } catch (ConfigException e) {
            System.err.println("delaynet: " + e.getMessage());
            return 2;
        }
    }
}
