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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code delaynet bench na}: seconds per 60 000-image MNIST epoch of the NA paper's spiking CNN
 * (15C5-P2-40C5-P2-300-10, 5 steps, examples/mnist-na-cnn.yaml) trained with neighbourhood
 * aggregation and, in the same run, the same network trained with the surrogate gradient. Each
 * side trains a warm-up pass and then a timed pass of {@code --samples} real training images
 * through the shared trainer (batches, optimizer, augmentation and all); the epoch time is the
 * timed pass scaled to 60 000 images.
 */
@Command(name = "na", mixinStandardHelpOptions = true,
        description = "Seconds per 60 000-image MNIST epoch of the NA paper's CNN: NA vs the surrogate gradient on the same network.")
public final class NaBenchCommand implements Callable<Integer> {
    static final String CONFIG = "na-cnn.yaml";
    private static final int EPOCH_IMAGES = 60_000;

    @Mixin
    DataDirOption data;

    @Option(names = "--samples", defaultValue = "256",
            description = "Training images timed per estimator, after a warm-up pass of as many (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--threads", defaultValue = "2", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Config override for both sides, e.g. --set data.encoding.steps=20 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

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
        if (samples < 1 || threads < 1) {
            throw new ConfigException("--samples and --threads must be at least 1");
        }
        RunContext context = new RunContext(data.require());
        ObjectNode tree = tree("na");
        int steps = tree.get("data").get("encoding").get("steps").asInt();
        double na = secondsPerSample(context, "na");
        double surrogate = secondsPerSample(context, "surrogate");
        double naEpoch = na * EPOCH_IMAGES;
        double surrogateEpoch = surrogate * EPOCH_IMAGES;
        if (json) {
            System.out.println(String.format(Locale.ROOT, "{\"network\": \"15C5-P2-40C5-P2-300-10\", \"steps\": %d, "
                    + "\"threads\": %d, \"samples_timed\": %d, \"na_s_per_epoch\": %.6g, \"surrogate_s_per_epoch\": %.6g, "
                    + "\"ratio\": %.6g}", steps, threads, samples, naEpoch, surrogateEpoch, naEpoch / surrogateEpoch));
            return;
        }
        System.out.println(String.format(Locale.ROOT, "na bench: MNIST, CNN 15C5-P2-40C5-P2-300-10, %d steps, batch %d, "
                + "%d thread(s), %d core(s); %d images timed per side after as many for warm-up, scaled to %d",
                steps, tree.get("training").get("batch_size").asInt(), threads, Runtime.getRuntime().availableProcessors(),
                samples, EPOCH_IMAGES));
        System.out.println(String.format(Locale.ROOT, "NA (neighbourhood aggregation): %.3f ms/image -> %8.1f s per epoch",
                1e3 * na, naEpoch));
        System.out.println(String.format(Locale.ROOT, "surrogate gradient BPTT       : %.3f ms/image -> %8.1f s per epoch",
                1e3 * surrogate, surrogateEpoch));
        System.out.println(String.format(Locale.ROOT, "NA / surrogate: %.2fx", naEpoch / surrogateEpoch));
    }

    /** The benchmark's configuration with {@code estimator} and the command's overrides. */
    ObjectNode tree(String estimator) {
        SteppedMethod method = new SteppedMethod();
        ObjectNode tree = ConfigTree.merge(method.defaults(), ConfigTree.resource(NaBenchCommand.class, CONFIG));
        ConfigTree.override(tree, "training.threads=" + threads);
        for (String o : overrides) {
            ConfigTree.override(tree, o);
        }
        ConfigTree.override(tree, "network.estimator=" + estimator);
        ConfigTree.override(tree, "data.train_limit=" + samples);
        ConfigTree.override(tree, "data.eval_limit=1"); // the trainer validates after each pass; keep it negligible
        ConfigTree.override(tree, "training.epochs=2");
        return tree;
    }

    /** Trains one warm-up pass and one timed pass; returns training seconds per image. */
    private double secondsPerSample(RunContext context, String estimator) {
        SteppedExperiment experiment = new SteppedMethod().buildExperiment(tree(estimator), context, true);
        try (Trainer<SteppedWorkspace> trainer = new Trainer<>(experiment.learner(),
                experiment.training().toOptions())) {
            trainer.trainEpoch(0, TrainingListener.NONE);
            EpochMetrics timed = trainer.trainEpoch(1, TrainingListener.NONE);
            return timed.trainSeconds() / samples;
        }
    }
}
