package io.delaynet.online;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.model.NetworkDescription;
import io.delaynet.run.Experiment;
import io.delaynet.run.Method;
import io.delaynet.run.RunContext;
import io.delaynet.stepped.NetworkFactory;
import io.delaynet.stepped.SteppedConfig;
import io.delaynet.stepped.SampleSource;
import io.delaynet.stepped.SteppedExperiment;
import io.delaynet.stepped.SteppedLearner;
import io.delaynet.stepped.SteppedMethod;
import io.delaynet.stepped.loss.Decision;
import io.delaynet.stepped.loss.ReadoutCrossEntropy;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.loss.TraceCrossEntropy;
import io.delaynet.stepped.network.SteppedDescriptions;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.util.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code method: online}: LIF / CubaLIF networks, feed-forward or recurrent, with synaptic or
 * axonal delays, whose weights and delays learn online by a three-factor rule (eligibility traces
 * with a surrogate derivative, times the read-out error fed back). The derivation is in
 * docs/three-factor.md. Its defaults: spoken digits (FSDD), 64 -> 128 recurrent -> 10, weights and
 * synaptic delays.
 */
public final class OnlineMethod implements Method {
    public static final String NAME = "online";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "online three-factor learning (e-prop style) of weights and delays, feed-forward or recurrent; FSDD, SHD";
    }

    @Override
    public ObjectNode defaults() {
        return ConfigTree.resource(OnlineMethod.class, "online-defaults.yaml");
    }

    @Override
    public String defaultsDocument() {
        return ConfigTree.resourceText(OnlineMethod.class, "online-defaults.yaml");
    }

    @Override
    public Experiment build(ObjectNode resolved, RunContext context) {
        return buildExperiment(resolved, context);
    }

    /**
     * The configured experiment: the three-factor learner, or with {@code online.gradient: bptt} the
     * time-stepped engine's BPTT learner on the very same network (read-out without delays, leaky or
     * spiking, the same softmax cross-entropy at every step), whose experiment describes and saves
     * the network alike.
     */
    public Experiment buildExperiment(ObjectNode resolved, RunContext context) {
        OnlineConfig config = ConfigBinder.bind(resolved, OnlineConfig.class, "config");
        if (!NAME.equals(config.method())) {
            throw new ConfigException("config selects method '" + config.method() + "' but was given to the "
                    + NAME + " method; set method: " + NAME);
        }
        check(config);
        RandomStreams streams = new RandomStreams(config.training().seed());
        SteppedMethod.LoadedSamples loaded = SteppedMethod.load(config.data(), context, streams,
                config.network().dtMs(), config.training().resolvedThreads());
        if (config.online().rule() == GradientRule.BPTT) {
            long neurons = loaded.samples().classes() + config.network().hidden().stream().mapToLong(Integer::longValue).sum();
            io.delaynet.config.MemoryCheck.requireHeapForWindow(loaded.steps(), neurons,
                    config.training().resolvedThreads(), "data.audio.duration_ms / network.dt_ms, and network.hidden");
            SteppedNetwork network = steppedNetwork(config, loaded.samples().inputSize(), loaded.samples().classes(),
                    loaded.steps(), streams);
            return new SteppedExperiment(bpttLearner(network, loaded.samples(), config),
                    config.training(), loaded.files(), config.network().dtMs() / 1000, config.loss().decision());
        }
        OnlineNetwork network = network(config, loaded.samples().inputSize(), loaded.samples().classes(),
                loaded.steps(), streams);
        return new OnlineExperiment(new OnlineLearner(network, loaded.samples(), config.online().stream()),
                config.training(), loaded.files(),
                config.network().dtMs() / 1000, config.loss().decision());
    }

    /**
     * BPTT on the online network's own time-stepped network: the loss is the one whose gradient the
     * three-factor rule accumulates ({@link #loss}), the surrogate the one the eligibility traces
     * use. Delays are clamped after every step as online; {@code online.bptt_truncation} truncates
     * the gradient through the recurrent projection to blocks of that many steps.
     */
    public static SteppedLearner bpttLearner(SteppedNetwork network, SampleSource samples, OnlineConfig config) {
        return new SteppedLearner(network, loss(config), Decision.parse(config.loss().decision()), samples, true,
                Double.POSITIVE_INFINITY, config.online().recurrentTruncation());
    }

    /**
     * The loss of a configuration as the time-stepped engine evaluates it: the softmax cross-entropy
     * at every step of the leaky integrators' potentials, or of the spiking read-out's spike trace.
     */
    public static SpikeLoss loss(OnlineConfig config) {
        return config.spikingReadout() ? new TraceCrossEntropy(config.traceDecay())
                : new ReadoutCrossEntropy(ReadoutCrossEntropy.Over.EVERY_STEP);
    }

    /** What the online rule needs of a configuration, checked before any data is read. */
    static void check(OnlineConfig config) {
        SteppedConfig.Network n = config.network();
        boolean bptt = config.online().rule() == GradientRule.BPTT;
        if (bptt && config.training().update().schedule() instanceof io.delaynet.train.UpdateSchedule.EverySteps) {
            throw new ConfigException("online.gradient: bptt computes the gradient after the whole sequence; set "
                    + "training.update.every to batch or sample (or online.gradient: three_factor)");
        }
        if (config.online().stream() && (bptt
                || config.training().update().schedule() instanceof io.delaynet.train.UpdateSchedule.PerBatch)) {
            throw new ConfigException("online.stream learns from one unsegmented input, one recording after the other "
                    + "with the state carried on; set training.update.every to steps or sample and online.gradient: "
                    + "three_factor (or online.stream: false)");
        }
        if (config.online().bpttTruncation() != null && !bptt) {
            throw new ConfigException("online.bptt_truncation truncates BPTT; set online.gradient: bptt (or "
                    + "online.bptt_truncation: null)");
        }
        if (config.online().bpttTruncation() != null && !n.recurrent()) {
            throw new ConfigException("online.bptt_truncation cuts the gradient through recurrent projections, and "
                    + "this network has none; set network.recurrent: true (or online.bptt_truncation: null)");
        }
        String model = n.neuron().model().toLowerCase(Locale.ROOT);
        if (!model.equals("lif") && !model.equals("cuba_lif")) {
            throw new ConfigException("network.neuron.model '" + n.neuron().model()
                    + "' has no online rule here; use lif or cuba_lif");
        }
        if (n.hidden().isEmpty()) {
            throw new ConfigException("the online method needs at least one hidden layer; set network.hidden, e.g. [128]");
        }
        if (!bptt && Feedback.parse(config.online().feedback()) == Feedback.SYMMETRIC && n.hidden().size() != 1) {
            throw new ConfigException("online.feedback: symmetric reaches only the layer that feeds the read-out; with "
                    + n.hidden().size() + " hidden layers set online.feedback: random");
        }
        bounded(n.delays(), "network.delays");
        if (n.recurrent()) {
            bounded(n.recurrentDelays(), "network.recurrent_delays");
        }
    }

    private static void bounded(SteppedConfig.Delays d, String key) {
        if (DelayKind.parse(d.kind()) != DelayKind.NONE && d.max() == null) {
            throw new ConfigException(key + ".max is null, but online learning keeps a history as long as the longest "
                    + "delay; set " + key + ".max to a number of steps (e.g. 20)");
        }
    }

    /**
     * The network of a configuration: the time-stepped method's, except that the read-out
     * projection has no delays (its error must reach the hidden layer in the step it is made),
     * with the feedback matrices drawn from the streams ("feedback", l).
     */
    static OnlineNetwork network(OnlineConfig config, int inputs, int classes, int steps, RandomStreams streams) {
        SteppedConfig.Network n = config.network();
        SteppedNetwork stepped = steppedNetwork(config, inputs, classes, steps, streams);
        Feedback feedback = Feedback.parse(config.online().feedback());
        double[][] fixed = null;
        if (feedback == Feedback.RANDOM) {
            SteppedConfig.MeanStd readout = n.weights().layers().get(n.hidden().size());
            double std = config.online().feedbackStd() != null ? config.online().feedbackStd()
                    : readout.std() * n.weights().scale();
            if (!(std > 0)) {
                throw new ConfigException("online.feedback_std is null and the read-out's initial std is 0; set "
                        + "online.feedback_std to a positive number");
            }
            fixed = new double[n.hidden().size()][];
            for (int l = 0; l < fixed.length; l++) {
                fixed[l] = Feedback.randomMatrix(n.hidden().get(l), classes, std, streams.stream("feedback", l));
            }
        }
        return new OnlineNetwork(stepped, feedback, fixed, Decision.parse(config.loss().decision()),
                config.spikingReadout() ? config.traceDecay() : Double.NaN);
    }

    /**
     * The time-stepped network of a configuration, which both gradient rules train: the stepped
     * method's network with the read-out's delays removed, initial values from the same streams.
     */
    static SteppedNetwork steppedNetwork(OnlineConfig config, int inputs, int classes, int steps, RandomStreams streams) {
        SteppedConfig.Network n = config.network();
        NetworkDescription d = NetworkFactory.describe(n, inputs, classes, steps, streams, config.loss().decision());
        return SteppedDescriptions.build(withoutReadoutDelays(d), NetworkFactory.options(n));
    }

    static NetworkDescription withoutReadoutDelays(NetworkDescription d) {
        List<Connection> connections = new ArrayList<>();
        for (Connection c : d.connections()) {
            c.requireDense("the online method");
            boolean readout = c.to().equals(d.output()) && !c.recurrent();
            connections.add(readout ? new Connection(c.name(), c.from(), c.to(), c.pre(), c.post(), c.weights(),
                    DelayKind.NONE, new double[0], c.realisation(), false) : c);
        }
        return new NetworkDescription(d.time(), d.window(), d.populations(), connections, d.input(), d.output(),
                d.decision());
    }
}
