package io.delaynet.cli.bench;

import io.delaynet.cli.DataDirOption;
import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.data.DataFormatException;
import io.delaynet.run.RunContext;
import io.delaynet.stepped.SteppedExperiment;
import io.delaynet.stepped.SteppedMethod;
import io.delaynet.stepped.SteppedWorkspace;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code delaynet bench stepped}: training speed of the time-stepped engine on the reference
 * network (784-800-10 SRM, delay-only, T = 10, batch 32), real data, through the shared trainer.
 * The baseline, measured in the same run, is the same engine passing every neuron and step
 * between layers instead of only the spikes: the same numbers computed without using sparsity.
 * Each measurement follows a warm-up pass of the same size, so the JIT has compiled the loops.
 */
@Command(name = "stepped", mixinStandardHelpOptions = true,
        description = "Seconds per training sample of the delay-only 784-800-10 network (sparse engine vs dense baseline).")
public final class SteppedBenchCommand implements Callable<Integer> {
    private static final int EPOCH_SAMPLES = 48_000;

    @Mixin
    DataDirOption data;

    @Option(names = "--dataset", defaultValue = "mnist", description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--batches", defaultValue = "150", description = "Batches timed on the sparse engine (default: ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--baseline-batches", defaultValue = "3",
            description = "Batches timed on the dense baseline (default: ${DEFAULT-VALUE}).")
    int baselineBatches;

    @Option(names = "--threads", defaultValue = "2", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Config override, e.g. --set network.delays.forward=linear (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            run();
            return 0;
        } catch (ConfigException | DataFormatException e) {
            System.err.println("delaynet: " + e.getMessage());
            return 2;
        }
    }

    private void run() {
        if (batches < 1 || baselineBatches < 1 || threads < 1) {
            throw new ConfigException("--batches, --baseline-batches and --threads must be at least 1");
        }
        RunContext context = new RunContext(data.require());
        double sparse = secondsPerSample(context, batches, true);
        double dense = secondsPerSample(context, baselineBatches, false);
        System.out.println(String.format(Locale.ROOT, "stepped bench: %s, 784-800-10 SRM, delay-only, T=10, batch 32, "
                + "%d thread(s), %d core(s)", dataset, threads, Runtime.getRuntime().availableProcessors()));
        System.out.println(String.format(Locale.ROOT,
                "sparse engine : %4d batches  %.3f ms/sample  -> %6.1f s per %d-sample epoch",
                batches, 1e3 * sparse, sparse * EPOCH_SAMPLES, EPOCH_SAMPLES));
        System.out.println(String.format(Locale.ROOT,
                "dense baseline: %4d batches  %.3f ms/sample  -> %6.1f s per %d-sample epoch",
                baselineBatches, 1e3 * dense, dense * EPOCH_SAMPLES, EPOCH_SAMPLES));
        System.out.println(String.format(Locale.ROOT, "speed-up over the dense baseline: %.1fx", dense / sparse));
        System.out.println(String.format(Locale.ROOT, "peak memory: Java heap %.0f MB, process %s",
                peakHeapBytes() / 1e6, peakResidentMegabytes()));
    }

    /** Trains one warm-up pass and one timed pass of {@code count} batches; returns training seconds per sample. */
    private double secondsPerSample(RunContext context, int count, boolean exploitSparsity) {
        SteppedMethod method = new SteppedMethod();
        ObjectNode tree = method.defaults();
        ConfigTree.override(tree, "data.dataset=" + dataset);
        ConfigTree.override(tree, "training.threads=" + threads);
        for (String o : overrides) {
            ConfigTree.override(tree, o);
        }
        int batchSize = tree.get("training").get("batch_size").asInt();
        ConfigTree.override(tree, "data.train_limit=" + count * batchSize);
        ConfigTree.override(tree, "data.eval_limit=1"); // the trainer validates after each pass; keep it negligible
        ConfigTree.override(tree, "training.epochs=2");
        SteppedExperiment experiment = method.buildExperiment(tree, context, exploitSparsity);
        try (Trainer<SteppedWorkspace> trainer = new Trainer<>(experiment.learner(),
                experiment.training().toOptions())) {
            trainer.trainEpoch(0, TrainingListener.NONE);
            EpochMetrics timed = trainer.trainEpoch(1, TrainingListener.NONE);
            return timed.trainSeconds() / (count * batchSize);
        }
    }

    private static long peakHeapBytes() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }

    /** The process's peak resident set (VmHWM) where Linux reports it. */
    private static String peakResidentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f MB (peak resident set)", kb / 1e3);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux or not readable: the heap figure stands alone
        }
        return "n/a";
    }
}
