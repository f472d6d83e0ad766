package io.delaynet.stepped;

import io.delaynet.config.AugmentSection;
import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.data.DataDirectory;
import io.delaynet.data.mnist.IntensityNormalisation;
import io.delaynet.data.mnist.LatencyEncoder;
import io.delaynet.data.mnist.MnistData;
import io.delaynet.data.mnist.MnistVariant;
import io.delaynet.data.mnist.TrainValidationSplit;
import io.delaynet.run.Experiment;
import io.delaynet.run.Method;
import io.delaynet.run.RunContext;
import io.delaynet.data.CacheDirectory;
import io.delaynet.data.Dataset;
import io.delaynet.data.Datasets;
import io.delaynet.data.audio.ProgressListener;
import io.delaynet.data.audio.SpikeData;
import io.delaynet.data.audio.SpikeDataSets;
import io.delaynet.stepped.network.SteppedNetwork;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.delaynet.util.RandomStreams;
import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code method: stepped}: discrete-time spiking networks trained by surrogate-gradient
 * backpropagation through time, with delays as parameters like weights. Its defaults reproduce
 * the delay-only experiment of "Beyond Weights" (Grappolini &amp; Subramoney 2023) on MNIST.
 */
public final class SteppedMethod implements Method {
    public static final String NAME = "stepped";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "time-stepped SNN (SRM or LIF), surrogate-gradient BPTT with learnable delays; MNIST, Fashion-MNIST";
    }

    @Override
    public ObjectNode defaults() {
        return ConfigTree.resource(SteppedMethod.class, "stepped-defaults.yaml");
    }

    @Override
    public String defaultsDocument() {
        return ConfigTree.resourceText(SteppedMethod.class, "stepped-defaults.yaml");
    }

    @Override
    public Experiment build(ObjectNode resolved, RunContext context) {
        return buildExperiment(resolved, context, true);
    }

    /**
     * As {@link #build}, with the choice of the dense baseline (no use of input sparsity) that the
     * speed benchmark compares against.
     */
    public SteppedExperiment buildExperiment(ObjectNode resolved, RunContext context, boolean exploitSparsity) {
        SteppedConfig config = ConfigBinder.bind(resolved, SteppedConfig.class, "config");
        if (!NAME.equals(config.method())) {
            throw new ConfigException("config selects method '" + config.method() + "' but was given to the "
                    + NAME + " method; set method: " + NAME);
        }
        RandomStreams streams = new RandomStreams(config.training().seed());
        LoadedSamples loaded = load(config.data(), context, streams, config.network().dtMs(),
                config.training().resolvedThreads());
        SampleSource samples = loaded.samples();
        SteppedNetwork network = NetworkFactory.build(config.network(), samples.inputSize(), samples.imageShape(),
                samples.classes(), loaded.steps(), streams, config.loss().decision());
        // Counted on the built network: convolution and pooling layers are sized by the image, not by hidden.
        long neurons = network.layers().stream().mapToLong(io.delaynet.stepped.network.Layer::size).sum();
        io.delaynet.config.MemoryCheck.requireHeapForWindow(loaded.steps(), neurons, io.delaynet.train.Trainer.CHUNKS,
                "data.encoding.steps or data.audio.duration_ms / network.dt_ms, and network.hidden (and layers)");
        SteppedLearner learner = new SteppedLearner(network, NetworkFactory.loss(config.loss(), config.network()),
                io.delaynet.stepped.loss.Decision.parse(config.loss().decision()), samples, exploitSparsity,
                config.network().weights().clamp() == null ? Double.POSITIVE_INFINITY : config.network().weights().clamp());
        return new SteppedExperiment(learner, config.training(), loaded.files(), config.network().dtMs() / 1000,
                config.loss().decision());
    }

    /** Samples in spike form, the steps of their window and the files they came from. */
    public record LoadedSamples(SampleSource samples, int steps, Map<String, Path> files) {
    }

    /**
     * The samples a {@code data:} section names, in spike form on the step grid of {@code dtMs}:
     * images by latency code, spoken digits binned (what the online method shares with this one).
     * The split is drawn from the stream "split" of {@code streams}.
     */
    public static LoadedSamples load(SteppedConfig.Data d, RunContext context, RandomStreams streams, double dtMs,
                                     int threads) {
        Dataset dataset = Datasets.byName(d.dataset(), "data.dataset", List.of(Dataset.Kind.IMAGES, Dataset.Kind.SPIKE_EVENTS));
        Path dir = dataDirectory(d.dir(), context);
        return dataset.kind() == Dataset.Kind.IMAGES ? images(d, dataset, dir, streams)
                : events(d, dataset, dir, streams, dtMs, threads);
    }

    private static LoadedSamples images(SteppedConfig.Data d, Dataset dataset, Path dir, RandomStreams streams) {
        MnistData data = MnistData.load(dir, MnistVariant.parse(dataset.name()));
        int validation = d.validationSize() == null ? DEFAULT_IMAGE_VALIDATION : d.validationSize();
        TrainValidationSplit split = draw(data.train().count(), validation, streams);
        SteppedConfig.Encoding e = d.encoding();
        LatencyEncoder latency = e.intensity() ? null : new LatencyEncoder(e.steps(), e.levels(), e.spikeSaturated());
        return new LoadedSamples(new MnistSamples(data, split, latency, e.steps(), e.intensity(),
                normalisation(e, data, split), d.trainLimit(), d.evalLimit(),
                AugmentSection.orOff(d.augment()).augmentation(), streams.seedFor("augment")),
                e.steps(), data.files());
    }

    /** The given mean and std, else those of the whole training split (never validation or test images). */
    private static IntensityNormalisation normalisation(SteppedConfig.Encoding e, MnistData data,
                                                        TrainValidationSplit split) {
        if (!e.normalise()) {
            return IntensityNormalisation.NONE;
        }
        IntensityNormalisation given = e.givenNormalisation();
        return given != null ? given : IntensityNormalisation.of(data.train(), split.train());
    }

    private static LoadedSamples events(SteppedConfig.Data d, Dataset dataset, Path dir, RandomStreams streams,
                                        double dtMs, int threads) {
        SteppedConfig.Audio a = d.audio();
        int steps = (int) Math.round(a.durationMs() / dtMs);
        if (steps < 1 || Math.abs(steps * dtMs - a.durationMs()) > 1e-9 * a.durationMs()) {
            throw new ConfigException("data.audio.duration_ms (" + a.durationMs() + ") must be a whole number of steps of "
                    + "network.dt_ms (" + dtMs + ")");
        }
        Path cache = CacheDirectory.resolve(Optional.ofNullable(a.cache()).map(Path::of));
        SpikeData data = SpikeDataSets.load(dataset.name(), dir, a.split(), a.channels(), cache, threads, notice -> {
        }, ProgressListener.SILENT);
        int validation = d.validationSize() == null ? data.train().size() / 10 : d.validationSize();
        TrainValidationSplit split = draw(data.train().size(), validation, streams);
        return new LoadedSamples(new EventSamples(data, split, dtMs / 1000, steps, a.pool(), d.trainLimit(),
                d.evalLimit()), steps, data.files());
    }

    private static TrainValidationSplit draw(int available, int validation, RandomStreams streams) {
        if (validation >= available) {
            throw new ConfigException("data.validation_size is " + validation + " but the training set has only "
                    + available + " samples; use a smaller value");
        }
        return TrainValidationSplit.draw(available, validation, streams.stream("split"));
    }

    /** Images held out of MNIST's 60k training set by default: the reference's 48k / 12k split. */
    static final int DEFAULT_IMAGE_VALIDATION = 12000;

    /** {@code data.dir} when set, else the run's data directory (--data-dir, $DELAYNET_DATA or ../shared/data). */
    static Path dataDirectory(String configured, RunContext context) {
        if (configured != null && !configured.isBlank()) {
            return DataDirectory.usable(Path.of(configured), "data.dir");
        }
        if (context != null && context.dataDir() != null) {
            return context.dataDir();
        }
        throw new ConfigException("no data directory given; pass --data-dir DIR, set the " + DataDirectory.ENV_VAR
                + " environment variable, or set data.dir in the config (the folder holding mnist/, fashion-mnist/, fsdd/)");
    }
}
