package io.delaynet.cli.bench;

import io.delaynet.event.DelGradLearner;
import io.delaynet.event.config.DelGradConfig;
import io.delaynet.event.config.DelGradMethod;
import io.delaynet.config.ConfigBinder;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import io.delaynet.train.TrainingOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code delaynet bench delgrad}: training seconds per 5000-sample Yin-Yang epoch of the default
 * 4-30-3 synaptic-delay network, with 1 thread and with all threads, against a baseline measured
 * in the same run: the same training step computed the way the reference implementation does it
 * (every causal-set candidate evaluated from scratch, exponentials of absolute times), in plain Java.
 */
@Command(name = "delgrad", mixinStandardHelpOptions = true,
        description = "Seconds per training epoch of DelGrad on Yin-Yang (4-30-3, synaptic delays).")
public final class DelGradBench implements Callable<Integer> {

    @Option(names = "--epochs", defaultValue = "20", description = "Measured epochs per setting (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--warmup", defaultValue = "10", description = "Unmeasured warm-up epochs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "0", description = "Threads for the parallel setting (0 = all cores).")
    int threads;

    /** The authors' PyTorch code on this machine kind (2 cores, CPU, float64), from docs/methods.md. */
    static final double REFERENCE_PYTORCH_SECONDS = 0.83;

    @Override
    public Integer call() {
        int parallel = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        System.out.printf(Locale.ROOT, "DelGrad, Yin-Yang 4-30-3 synaptic delays, batch 150, 5000 samples/epoch; "
                + "%d warm-up + %d measured epochs; Java %s, %d cores%n", warmup, epochs, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        double one = secondsPerEpoch(1);
        double many = parallel > 1 ? secondsPerEpoch(parallel) : one;
        double baseline = BaselineStep.secondsPerEpoch(config(1), Math.max(2, epochs / 5));
        System.out.printf(Locale.ROOT, "%-44s %10.4f s/epoch%n", "baseline (reference-style, 1 thread)", baseline);
        System.out.printf(Locale.ROOT, "%-44s %10.4f s/epoch   %6.1fx baseline%n", "delaynet, 1 thread", one, baseline / one);
        System.out.printf(Locale.ROOT, "%-44s %10.4f s/epoch   %6.1fx baseline%n", "delaynet, " + parallel + " threads", many,
                baseline / many);
        System.out.printf(Locale.ROOT, "%-44s %10.4f s/epoch   %6.1fx (published figure, not re-measured)%n",
                "authors' PyTorch code on this machine kind", REFERENCE_PYTORCH_SECONDS, REFERENCE_PYTORCH_SECONDS / many);
        return 0;
    }

    static DelGradConfig config(int threads) {
        ResolvedConfig rc = ResolvedConfig.resolve(null, List.of("training.threads=" + threads));
        return ConfigBinder.bind(rc.tree(), DelGradConfig.class, "bench");
    }

    private double secondsPerEpoch(int threadCount) {
        DelGradConfig config = config(threadCount);
        DelGradLearner learner = DelGradMethod.learner(config);
        TrainingOptions options = config.training().toOptions();
        List<Double> times = new ArrayList<>();
        try (Trainer<DelGradLearner.Workspace> trainer = new Trainer<>(learner, options)) {
            for (int e = 0; e < warmup + epochs; e++) {
                EpochMetrics m = trainer.trainEpoch(e, TrainingListener.NONE);
                if (e >= warmup) {
                    times.add(m.trainSeconds());
                }
            }
        }
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return t[t.length / 2]; // median: robust to a stray GC pause or a busy neighbour
    }
}
