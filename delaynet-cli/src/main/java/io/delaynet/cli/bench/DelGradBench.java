package io.delaynet.cli.bench;

import io.delaynet.cli.DataDirOption;
import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.data.DataException;
import io.delaynet.event.DelGradLearner;
import io.delaynet.event.config.DelGradConfig;
import io.delaynet.event.config.DelGradMethod;
import io.delaynet.io.Json;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import io.delaynet.train.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code delaynet bench delgrad}: training seconds per epoch of DelGrad, all measured in this run on
 * this machine: the default Yin-Yang network (4-30-3, synaptic delays, 5000 samples) with 1 and 2
 * threads; the same Yin-Yang training step computed the way the reference implementation organises
 * it (every causal-set candidate from scratch, exponentials of absolute times, plain Java, 1
 * thread) as the baseline; and the two MNIST examples (256-128-10 on 16x16 images, 784-350-10 with
 * synaptic delays) with 2 threads. Ratios are printed only between these figures.
 */
@Command(name = "delgrad", mixinStandardHelpOptions = true,
        description = "Seconds per training epoch of DelGrad: Yin-Yang (1 and 2 threads, with and without "
                + "network.reuse_roots, against a baseline measured in the same run) and the two MNIST examples "
                + "(2 threads).")
public final class DelGradBench implements Callable<Integer> {

    @Mixin
    DataDirOption data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Measured Yin-Yang epochs per setting (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10", description = "Unmeasured Yin-Yang warm-up epochs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--mnist-samples", paramLabel = "N", defaultValue = "1000",
            description = "Training samples per timed MNIST pass; the figure is scaled to the 50,000-sample epoch (default: ${DEFAULT-VALUE}).")
    int mnistSamples;

    @Option(names = "--mnist-passes", paramLabel = "N", defaultValue = "3",
            description = "Timed MNIST passes per network, after one warm-up pass; the median counts (default: ${DEFAULT-VALUE}).")
    int mnistPasses;

    @Option(names = "--mnist16-config", paramLabel = "FILE", defaultValue = "examples/mnist-delgrad-16x16.yaml",
            description = "The 16x16 MNIST network (default: ${DEFAULT-VALUE}).")
    Path mnist16Config;

    @Option(names = "--synaptic-config", paramLabel = "FILE", defaultValue = "examples/mnist-delgrad-synaptic.yaml",
            description = "The 784-350-10 synaptic-delay network (default: ${DEFAULT-VALUE}).")
    Path synapticConfig;

    @Option(names = "--no-mnist", description = "Time Yin-Yang and the baseline only (no MNIST data needed).")
    boolean noMnist;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    /** Threads of the parallel settings: the 2 cores of the development machine. */
    static final int PARALLEL = 2;

    @Override
    public Integer call() {
        try {
            run();
            return 0;
        } catch (ConfigException | DataException e) {
            System.err.println("delaynet: " + e.getMessage());
            return 2;
        }
    }

    private void run() {
        if (epochs < 1 || warmup < 0 || mnistSamples < 1 || mnistPasses < 1) {
            throw new ConfigException("--epochs, --mnist-samples and --mnist-passes must be at least 1, --warmup at least 0");
        }
        RunContext context = null;
        if (!noMnist) {
            for (Path p : List.of(mnist16Config, synapticConfig)) {
                if (!Files.isRegularFile(p)) {
                    throw new ConfigException("bench config " + p + " not found; run from the repository root, pass "
                            + "--mnist16-config / --synaptic-config, or --no-mnist");
                }
            }
            context = new RunContext(data.require());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        result.put("load_average_before", loadAverage());
        if (!json) {
            System.out.printf(Locale.ROOT, "DelGrad bench, %d cores, Java %s, load average %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
            System.out.printf(Locale.ROOT, "Yin-Yang 4-30-3 synaptic delays, batch 150, 5000 samples/epoch; %d warm-up + "
                    + "%d measured epochs, median%n", warmup, epochs);
        }
        double one = yinYangSecondsPerEpoch(1, false);
        double two = yinYangSecondsPerEpoch(PARALLEL, false);
        double rootsOne = yinYangSecondsPerEpoch(1, true);
        double rootsTwo = yinYangSecondsPerEpoch(PARALLEL, true);
        double baseline = BaselineStep.secondsPerEpoch(yinYang(1), Math.max(2, epochs / 5));
        result.put("yinyang_s_per_epoch_1t", one);
        result.put("yinyang_s_per_epoch_2t", two);
        result.put("yinyang_reuse_roots_s_per_epoch_1t", rootsOne);
        result.put("yinyang_reuse_roots_s_per_epoch_2t", rootsTwo);
        result.put("baseline_s_per_epoch", baseline);
        if (!json) {
            System.out.printf(Locale.ROOT, "%-46s %10.4f s/epoch%n", "baseline (reference-style, 1 thread)", baseline);
            System.out.printf(Locale.ROOT, "%-46s %10.4f s/epoch   %6.1fx baseline%n", "delaynet, 1 thread", one,
                    baseline / one);
            System.out.printf(Locale.ROOT, "%-46s %10.4f s/epoch   %6.1fx baseline%n",
                    "delaynet, " + PARALLEL + " threads", two, baseline / two);
            System.out.printf(Locale.ROOT, "%-46s %10.4f s/epoch   %6.1fx baseline%n",
                    "delaynet, network.reuse_roots, 1 thread", rootsOne, baseline / rootsOne);
            System.out.printf(Locale.ROOT, "%-46s %10.4f s/epoch   %6.1fx baseline%n",
                    "delaynet, network.reuse_roots, " + PARALLEL + " threads", rootsTwo, baseline / rootsTwo);
        }
        if (!noMnist) {
            if (!json) {
                System.out.printf(Locale.ROOT, "MNIST, 50,000-sample epochs, scaled from the median of %d timed passes "
                        + "of %d samples, %d threads%n", mnistPasses, mnistSamples, PARALLEL);
            }
            double m16 = mnistSecondsPerEpoch(mnist16Config, context);
            double syn = mnistSecondsPerEpoch(synapticConfig, context);
            result.put("mnist16_s_per_epoch_2t", m16);
            result.put("mnist_synaptic_s_per_epoch_2t", syn);
            if (!json) {
                System.out.printf(Locale.ROOT, "%-46s %10.2f s/epoch%n", "16x16 256-128-10, no delays (" + mnist16Config
                        .getFileName() + ")", m16);
                System.out.printf(Locale.ROOT, "%-46s %10.2f s/epoch%n", "784-350-10, synaptic delays", syn);
            }
        }
        result.put("load_average_after", loadAverage());
        if (json) {
            System.out.println(Json.write(result));
        } else {
            System.out.printf(Locale.ROOT, "load average after: %s%n", result.get("load_average_after"));
        }
    }

    static DelGradConfig yinYang(int threads) {
        return yinYang(threads, false);
    }

    /** The default Yin-Yang run on {@code threads} threads, with {@code network.reuse_roots} as given. */
    static DelGradConfig yinYang(int threads, boolean reuseRoots) {
        ResolvedConfig rc = ResolvedConfig.resolve(null, List.of("training.threads=" + threads,
                "network.reuse_roots=" + reuseRoots));
        return ConfigBinder.bind(rc.tree(), DelGradConfig.class, "bench");
    }

    private double yinYangSecondsPerEpoch(int threadCount, boolean reuseRoots) {
        DelGradConfig config = yinYang(threadCount, reuseRoots);
        return medianTrainSeconds(DelGradMethod.learner(config), config.training().toOptions(), warmup, epochs);
    }

    /** Seconds per full training epoch of an MNIST example, from passes over its first samples. */
    private double mnistSecondsPerEpoch(Path config, RunContext context) {
        ResolvedConfig rc = ResolvedConfig.resolve(config, List.of("training.threads=" + PARALLEL,
                "data.train_limit=" + mnistSamples, "data.eval_limit=1"));
        DelGradConfig c = ConfigBinder.bind(rc.tree(), DelGradConfig.class, "bench");
        DelGradLearner learner = DelGradMethod.learner(c, context);
        int timedSamples = learner.size(Split.TRAIN);
        int fullEpoch = 60_000 - c.data().validationSize();
        double seconds = medianTrainSeconds(learner, c.training().toOptions(), 1, mnistPasses);
        return seconds / timedSamples * fullEpoch;
    }

    private static double medianTrainSeconds(DelGradLearner learner, TrainingOptions options, int warm, int timed) {
        List<Double> times = new ArrayList<>();
        try (Trainer<DelGradLearner.Workspace> trainer = new Trainer<>(learner, options)) {
            for (int e = 0; e < warm + timed; e++) {
                EpochMetrics m = trainer.trainEpoch(e, TrainingListener.NONE);
                if (e >= warm) {
                    times.add(m.trainSeconds());
                }
            }
        }
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return t[t.length / 2]; // median: robust to a stray GC pause or a busy neighbour
    }

    /** The 1-, 5- and 15-minute load averages where Linux reports them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
