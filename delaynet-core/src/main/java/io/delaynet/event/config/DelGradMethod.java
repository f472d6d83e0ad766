package io.delaynet.event.config;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.config.MemoryCheck;
import io.delaynet.config.ConfigTree;
import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import io.delaynet.event.DelGradLearner;
import io.delaynet.event.EventNetwork;
import io.delaynet.event.InputNoise;
import io.delaynet.event.LifModel;
import io.delaynet.event.Projection;
import io.delaynet.event.WeightBumping;
import io.delaynet.event.loss.ShiftInvariantMse;
import io.delaynet.event.loss.SpikeTimeLoss;
import io.delaynet.event.loss.TtfsCrossEntropy;
import io.delaynet.run.Experiment;
import io.delaynet.run.Method;
import io.delaynet.run.RunContext;
import io.delaynet.util.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ObjectNode;

/** The "delgrad" method: exact event-based training of TTFS networks (DelGrad). */
public final class DelGradMethod implements Method {

    @Override
    public String name() {
        return "delgrad";
    }

    @Override
    public String description() {
        return "exact event-based gradients for weights and delays of time-to-first-spike networks (DelGrad)";
    }

    private static final String DEFAULTS = "delgrad-defaults.yaml";

    @Override
    public ObjectNode defaults() {
        return ConfigTree.resource(DelGradMethod.class, DEFAULTS);
    }

    @Override
    public String defaultsDocument() {
        return ConfigTree.resourceText(DelGradMethod.class, DEFAULTS);
    }

    @Override
    public Experiment build(ObjectNode resolved, RunContext context) {
        DelGradConfig config = ConfigBinder.bind(resolved, DelGradConfig.class, "config");
        DelGradData data = DelGradData.load(config.data(), config.training().seed(), context);
        return new DelGradExperiment(config, learner(config, data), data.files());
    }

    /** Builds the network (initialised from the seed), the data and the learner of a Yin-Yang configuration. */
    public static DelGradLearner learner(DelGradConfig config) {
        return learner(config, (RunContext) null);
    }

    /**
     * Builds the network (initialised from the seed), the data and the learner of a configuration;
     * {@code context} names the data folder for the image data sets (null: only {@code data.dir}).
     */
    public static DelGradLearner learner(DelGradConfig config, RunContext context) {
        return learner(config, DelGradData.load(config.data(), config.training().seed(), context));
    }

    private static DelGradLearner learner(DelGradConfig config, DelGradData data) {
        EventNetwork network = network(config.network(), data.inputs(), new RandomStreams(config.training().seed()));
        List<DelGradConfig.Layer> layers = config.network().layers();
        if (layers.get(layers.size() - 1).size() != data.classes()) {
            throw new ConfigException("config: the last layer must have " + data.classes() + " neurons, one per "
                    + config.data().dataset() + " class");
        }
        double[] maxMissing = layers.stream().mapToDouble(DelGradConfig.Layer::maxMissingSpikes).toArray();
        DelGradConfig.Bumping b = config.bumping();
        // The reference applies max_dw_norm to each sample's share of the batch-mean loss gradient,
        // i.e. to (1/batch) dL_sample/dw; our learner sees dL_sample/dw, so the bound scales by the batch.
        double perSampleBound = config.loss().maxDwNorm() * config.training().batchSize();
        return new DelGradLearner(network, loss(config.loss()), data.splits(),
                perSampleBound, new WeightBumping(b.value(), b.exponential(), b.targeted()), maxMissing,
                config.network().weightLimit(), data.augmentation(),
                new InputNoise(config.data().noise(), new RandomStreams(config.training().seed())));
    }

    static EventNetwork network(DelGradConfig.Network cfg, int inputs, RandomStreams streams) {
        List<Projection> projections = new ArrayList<>();
        DelayParameterisation parameterisation = parameterisation(cfg.delay());
        int pre = inputs;
        long parameters = 0;
        for (int l = 0; l < cfg.layers().size(); l++) { // the whole network is checked before anything is allocated
            DelGradConfig.Layer layer = cfg.layers().get(l);
            parameters += MemoryCheck.arrayLength(pre, layer.size(), "network.layers[" + l + "] (inputs x size)");
            pre = layer.size();
        }
        MemoryCheck.requireHeapFor(parameters, "the network"); // its weights alone: a lower bound
        pre = inputs;
        for (int l = 0; l < cfg.layers().size(); l++) {
            DelGradConfig.Layer layer = cfg.layers().get(l);
            DelayKind kind;
            try {
                kind = DelayKind.parse(layer.delays());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("config: network.layers[" + l + "].delays: " + e.getMessage());
            }
            int sharing = layer.delaySharing();
            if (pre % sharing != 0) {
                throw new ConfigException("config: network.layers[" + l + "].delay_sharing = " + sharing
                        + " must divide the " + pre + " inputs of the layer");
            }
            SplittableRandom wr = streams.stream("weights", l);
            double[] w = new double[pre * layer.size()];
            // drawn presynaptic-major like the reference's (pre x post) tensor, stored post-major
            for (int i = 0; i < pre; i++) {
                for (int j = 0; j < layer.size(); j++) {
                    w[j * pre + i] = layer.weightsMean() + layer.weightsStd() * RandomStreams.gaussian(wr);
                }
            }
            double[] raw = null;
            if (kind != DelayKind.NONE) {
                SplittableRandom dr = streams.stream("delays", l);
                raw = new double[kind.parameterCount(pre, layer.size(), sharing, 1)];
                for (int p = 0; p < raw.length; p++) {
                    raw[p] = cfg.delay().initMean() + cfg.delay().initStd() * RandomStreams.gaussian(dr);
                }
            }
            projections.add(new Projection(l, pre, layer.size(), w, kind, parameterisation, raw, sharing, 1));
            pre = layer.size();
        }
        return new EventNetwork(new LifModel(cfg.tauRatio(), cfg.threshold()), inputs, projections, cfg.reuseRoots());
    }

    static DelayParameterisation parameterisation(DelGradConfig.Delay d) {
        try {
            return "sigmoid".equals(d.parameterisation()) ? new DelayParameterisation.Sigmoid(d.shift(), d.scale())
                    : new DelayParameterisation.Clip(d.min(), d.max());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config: network.delay: " + e.getMessage());
        }
    }

    static SpikeTimeLoss loss(DelGradConfig.Loss l) {
        return "ttfs".equals(l.type()) ? new TtfsCrossEntropy(l.xi(), l.alpha(), l.beta()) : new ShiftInvariantMse(l.deltaT());
    }
}
