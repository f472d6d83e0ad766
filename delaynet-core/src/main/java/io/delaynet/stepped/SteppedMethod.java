package io.delaynet.stepped;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.data.DataDirectory;
import io.delaynet.data.mnist.LatencyEncoder;
import io.delaynet.data.mnist.MnistData;
import io.delaynet.data.mnist.MnistVariant;
import io.delaynet.data.mnist.TrainValidationSplit;
import io.delaynet.run.Experiment;
import io.delaynet.run.Method;
import io.delaynet.run.RunContext;
import io.delaynet.stepped.network.SteppedNetwork;
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
        SteppedConfig.Data d = config.data();
        MnistData data = MnistData.load(dataDirectory(d.dir(), context), MnistVariant.parse(d.dataset()));
        if (d.validationSize() >= data.train().count()) {
            throw new ConfigException("data.validation_size is " + d.validationSize() + " but the training set has only "
                    + data.train().count() + " images; use a smaller value");
        }
        RandomStreams streams = new RandomStreams(config.training().seed());
        TrainValidationSplit split = TrainValidationSplit.draw(data.train().count(), d.validationSize(),
                streams.stream("split"));
        SteppedConfig.Encoding e = d.encoding();
        MnistSamples samples = new MnistSamples(data, split, new LatencyEncoder(e.steps(), e.levels(),
                e.spikeSaturated()), d.trainLimit(), d.evalLimit());
        SteppedNetwork network = NetworkFactory.build(config.network(), samples.inputSize(), samples.classes(),
                e.steps(), streams);
        SteppedLearner learner = new SteppedLearner(network, NetworkFactory.loss(config.loss()),
                io.delaynet.stepped.loss.Decision.parse(config.loss().decision()), samples, exploitSparsity);
        return new SteppedExperiment(learner, config.training(), data.files());
    }

    /** {@code data.dir} when set, else the run's data directory (--data-dir, $DELAYNET_DATA or ../shared/data). */
    static Path dataDirectory(String configured, RunContext context) {
        if (configured != null && !configured.isBlank()) {
            return DataDirectory.usable(Path.of(configured), "data.dir");
        }
        if (context != null && context.dataDir() != null) {
            return context.dataDir();
        }
        throw new ConfigException("no data directory given; pass --data-dir DIR, set the " + DataDirectory.ENV_VAR
                + " environment variable, or set data.dir in the config (the folder holding mnist/ and fashion-mnist/)");
    }
}
