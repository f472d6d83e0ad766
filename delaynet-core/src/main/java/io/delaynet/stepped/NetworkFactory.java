package io.delaynet.stepped;

import io.delaynet.config.ConfigException;
import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.TimeBase;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.estimator.GradientEstimator;
import io.delaynet.stepped.estimator.NeighbourhoodAggregation;
import io.delaynet.stepped.estimator.SurrogateGradient;
import io.delaynet.stepped.loss.CountCrossEntropy;
import io.delaynet.stepped.loss.FilteredKernelLoss;
import io.delaynet.stepped.loss.FirstSpikeLoss;
import io.delaynet.stepped.loss.SpikeCountLoss;
import io.delaynet.stepped.loss.ReadoutCrossEntropy;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.loss.SpikeTimeLoss;
import io.delaynet.stepped.network.SteppedDescriptions;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.stepped.network.WeightInit;
import io.delaynet.stepped.neuron.AlphaKernel;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import io.delaynet.util.RandomStreams;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Turns the {@code network:} and {@code loss:} sections into a network with initial parameters
 * and a loss. The network is first written as a {@link NetworkDescription} (structure and initial
 * values), which {@link SteppedDescriptions#build} compiles with the training choices.
 */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /**
     * Builds {@code inputs -> hidden... -> outputs}. Weights of projection l are drawn from the
     * stream ("weights", l) and delays from ("delays", l) of {@code streams}, recurrent ones from
     * ("recurrent-weights", l) and ("recurrent-delays", l), so changing one layer's size never
     * changes another's initial values.
     */
    public static SteppedNetwork build(SteppedConfig.Network config, int inputs, int outputs, int steps,
                                       RandomStreams streams, String decision) {
        return build(config, inputs, null, outputs, steps, streams, decision);
    }

    /**
     * As above, for inputs that may be an image: {@code imageShape} is (channels, height, width)
     * of the input, needed by {@code network.layers} (null when the data are not images).
     */
    public static SteppedNetwork build(SteppedConfig.Network config, int inputs, int[] imageShape, int outputs,
                                       int steps, RandomStreams streams, String decision) {
        return SteppedDescriptions.build(describe(config, inputs, imageShape, outputs, steps, streams, decision),
                options(config));
    }

    /** The initial network as a description: structure and initial values, no training choices. */
    public static NetworkDescription describe(SteppedConfig.Network config, int inputs, int outputs, int steps,
                                              RandomStreams streams, String decision) {
        return describe(config, inputs, null, outputs, steps, streams, decision);
    }

    /**
     * The initial network as a description. {@code network.layers} (convolutions and poolings) come
     * first, from the input image, then the dense {@code hidden} layers and the output. Projections
     * are counted from the input side, l = 0, 1, ...; projection l draws its weights from the stream
     * ("weights", l), so a network without spatial layers draws exactly what it always did. A
     * pooling's one fixed weight is the entry's {@code weight}.
     */
    public static NetworkDescription describe(SteppedConfig.Network config, int inputs, int[] imageShape, int outputs,
                                              int steps, RandomStreams streams, String decision) {
        List<SteppedConfig.SpatialLayer> spatial = config.layers();
        List<Topology> topologies = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputs);
        if (!spatial.isEmpty()) {
            if (imageShape == null) {
                throw new ConfigException("network.layers (conv, pool) need image input (data.dataset mnist or "
                        + "fashion-mnist); these data are not images");
            }
            int c = imageShape[0];
            int h = imageShape[1];
            int w = imageShape[2];
            for (int k = 0; k < spatial.size(); k++) {
                SteppedConfig.SpatialLayer s = spatial.get(k);
                String where = "network.layers[" + k + "]";
                try {
                    if (s.conv()) {
                        Topology.Conv2d conv = new Topology.Conv2d(c, h, w, s.channels(), s.kernel());
                        topologies.add(conv);
                        c = conv.outChannels();
                        h = conv.outHeight();
                        w = conv.outWidth();
                    } else {
                        Topology.SumPool2d pool = new Topology.SumPool2d(c, h, w, s.size());
                        topologies.add(pool);
                        h = pool.outHeight();
                        w = pool.outWidth();
                    }
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(where + " (" + s.type() + ") gets a " + c + "x" + h + "x" + w
                            + " input: " + e.getMessage());
                }
                sizes.add(c * h * w);
            }
        }
        sizes.addAll(config.hidden());
        sizes.add(outputs);
        int projections = sizes.size() - 1;
        long drawn = projections - spatial.stream().filter(s -> !s.conv()).count();
        if (!config.weights().kaiming() && config.weights().layers().size() != drawn) {
            throw new ConfigException("network.weights.layers lists " + config.weights().layers().size()
                    + " distributions but the network has " + drawn + " projections with drawn weights (layers "
                    + spatial.size() + ", hidden " + config.hidden() + "); give one {mean, std} per projection, "
                    + "input side first, none for pool layers");
        }
        double dt = config.dtMs();
        List<Population> populations = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        populations.add(new Population("input", inputs, new Neuron.Source()));
        int distribution = 0;
        for (int l = 0; l < projections; l++) {
            int pre = sizes.get(l);
            int post = sizes.get(l + 1);
            String name = "layer" + (l + 1);
            String from = l == 0 ? "input" : "layer" + l;
            boolean output = l == projections - 1;
            boolean passThrough = l < spatial.size() && spatial.get(l).passThrough();
            populations.add(new Population(name, post, passThrough ? new Neuron.PassThrough()
                    : output && config.readout().leakyIntegrator() ? new Neuron.LeakyIntegrator(config.readout().tauMemMs() / dt)
                    : neuron(config.neuron(), dt)));
            Topology topology = l < topologies.size() ? topologies.get(l) : Topology.Dense.INSTANCE;
            if (topology instanceof Topology.SumPool2d) {
                connections.add(new Connection(name, from, name, pre, post, new double[] {spatial.get(l).weight()},
                        DelayKind.NONE, new double[0], new DelayRealisation.WholeSteps(true), false, topology));
                continue;
            }
            SteppedConfig.MeanStd m = config.weights().kaiming() ? null : config.weights().layers().get(distribution++);
            if (topology instanceof Topology.Conv2d conv) {
                double[] w = new double[conv.weightCount(pre, post)];
                weightInit(config.weights(), m, conv.inChannels() * conv.kernel() * conv.kernel())
                        .fill(w, streams.stream("weights", l));
                connections.add(new Connection(name, from, name, pre, post, w, DelayKind.NONE, new double[0],
                        new DelayRealisation.WholeSteps(true), false, topology));
                continue;
            }
            double[] w = new double[pre * post];
            weightInit(config.weights(), m, pre).fill(w, streams.stream("weights", l));
            connections.add(connection(name, from, name, pre, post, w, config.delays(),
                    streams.stream("delays", l), false));
            if (config.recurrent() && !output) {
                double[] r = new double[post * post];
                weightInit(config.weights(), config.weights().recurrent(), post).fill(r, streams.stream("recurrent-weights", l));
                connections.add(connection(name + ".recurrent", name, name, post, post, r, config.recurrentDelays(),
                        streams.stream("recurrent-delays", l), true));
            }
        }
        return new NetworkDescription(TimeBase.stepped(dt / 1000), steps, populations, connections, "input",
                "layer" + projections, decision);
    }

    /** The training choices of the configuration: spike function, estimator, what trains, bounds. */
    public static SteppedDescriptions.Options options(SteppedConfig.Network config) {
        SteppedConfig.SurrogateShape s = config.surrogate();
        SpikeFunction spike = new SpikeFunction.Threshold(Surrogate.of(s.kind(), s.width(), s.scale()));
        GradientEstimator estimator = config.estimator().equalsIgnoreCase("na")
                ? new NeighbourhoodAggregation(NeighbourhoodAggregation.Weighting.parse(config.na().weighting()),
                        config.na().clip(), config.na().normalise(), config.na().released())
                : new SurrogateGradient(spike);
        return new SteppedDescriptions.Options(spike, estimator, config.neuron().detachReset(),
                config.trainWeights(), config.trainDelays(), bounds(config.delays()), bounds(config.recurrentDelays()));
    }

    /**
     * A projection's description with the engine's initial values: weights drawn pre-major (as the
     * reference's (pre x post) tensors), delays ~ U(init_low, init_high) in the engine's order.
     */
    private static Connection connection(String name, String from, String to, int pre, int post, double[] prePostWeights,
                                         SteppedConfig.Delays d, SplittableRandom random, boolean recurrent) {
        DelayKind kind = DelayKind.parse(d.kind());
        double[] engineDelays = new double[kind.count(pre, post)];
        for (int k = 0; k < engineDelays.length; k++) {
            engineDelays[k] = d.initLow() + (d.initHigh() - d.initLow()) * random.nextDouble();
        }
        double[] w = new double[pre * post];
        double[] delays = engineDelays.clone();
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                w[j * pre + i] = prePostWeights[i * post + j];
                if (kind == DelayKind.SYNAPTIC) {
                    delays[j * pre + i] = engineDelays[i * post + j];
                }
            }
        }
        return new Connection(name, from, to, pre, post, w, kind, delays,
                SteppedDescriptions.realisation(interpolation(d)), recurrent);
    }

    /** The loss; {@code filtered_kernel} filters with the network's filtered-LIF tau_syn (in steps). */
    public static SpikeLoss loss(SteppedConfig.Loss config, SteppedConfig.Network network) {
        return switch (config.kind().toLowerCase(Locale.ROOT)) {
            case "filtered_kernel" -> {
                double tau = network.neuron().filteredLif().tauSynMs() / network.dtMs();
                if (!(tau >= 1)) {
                    throw new ConfigException("loss.kind filtered_kernel filters with network.neuron.filtered_lif.tau_syn_ms, "
                            + "which must be at least one step (network.dt_ms), got " + tau + " steps");
                }
                yield new FilteredKernelLoss(tau);
            }
            case "spike_count" -> new SpikeCountLoss(config.desiredCount(), config.undesiredCount());
            default -> loss(config);
        };
    }

    public static SpikeLoss loss(SteppedConfig.Loss config) {
        return switch (config.kind().toLowerCase(Locale.ROOT)) {
            case "spike_time" -> new SpikeTimeLoss(new AlphaKernel(config.kernelTau(), 1.0), config.targetSteps());
            case "count_cross_entropy" -> new CountCrossEntropy();
            case "first_spike" -> new FirstSpikeLoss(config.firstSpikeTau());
            case "readout_cross_entropy" -> new ReadoutCrossEntropy(ReadoutCrossEntropy.Over.parse(config.readout()));
            default -> throw new ConfigException("unknown loss.kind '" + config.kind() + "'");
        };
    }

    /** The hidden (and spiking output) neurons of the description, time constants in steps of dt ms. */
    static Neuron neuron(SteppedConfig.Neuron n, double dtMs) {
        return switch (n.model().toLowerCase(Locale.ROOT)) {
            case "lif" -> new Neuron.Lif(n.lif().tauMemMs() / dtMs, n.threshold(), reset(n.lif().reset()));
            case "cuba_lif" -> new Neuron.CubaLif(n.cubaLif().tauSynMs() / dtMs, n.cubaLif().tauMemMs() / dtMs,
                    n.threshold(), reset(n.cubaLif().reset()));
            case "filtered_lif" -> {
                double tauSyn = n.filteredLif().tauSynMs() / dtMs;
                double tauMem = n.filteredLif().tauMemMs() / dtMs;
                if (!(tauSyn >= 1) || !(tauMem >= 1)) {
                    throw new ConfigException("network.neuron.filtered_lif: tau_syn_ms and tau_mem_ms must be at least "
                            + "one step (network.dt_ms = " + dtMs + "), got " + n.filteredLif().tauSynMs() + " and "
                            + n.filteredLif().tauMemMs());
                }
                yield new Neuron.FilteredLif(tauSyn, tauMem, n.threshold());
            }
            default -> new Neuron.Srm(n.srm().tauPsp(), n.srm().tauRefractory(), n.srm().refractoryScale(), n.threshold());
        };
    }

    private static io.delaynet.model.Reset reset(String name) {
        return name.equalsIgnoreCase("zero") ? io.delaynet.model.Reset.ZERO : io.delaynet.model.Reset.SUBTRACT;
    }

    static DelayInterpolation interpolation(SteppedConfig.Delays d) {
        return switch (d.forward().toLowerCase(Locale.ROOT)) {
            case "linear" -> new DelayInterpolation.Linear();
            case "gaussian" -> new DelayInterpolation.Gaussian(d.gaussianSigma());
            default -> new DelayInterpolation.IntegerShift(Rounding.parse(d.rounding()));
        };
    }

    private static DelayBounds bounds(SteppedConfig.Delays d) {
        return new DelayBounds(d.min(), d.max() == null ? Double.POSITIVE_INFINITY : d.max());
    }

    /** {@code fanIn}: the projection's presynaptic count, which sets Kaiming's spread. */
    static WeightInit weightInit(SteppedConfig.Weights w, SteppedConfig.MeanStd m, int fanIn) {
        if (w.kaiming()) {
            return new WeightInit.Normal(w.scale(), 0, Math.sqrt(2.0 / fanIn));
        }
        return w.init().equalsIgnoreCase("ternary") ? new WeightInit.Ternary(w.scale(), m.mean(), m.std())
                : new WeightInit.Normal(w.scale(), m.mean(), m.std());
    }
}
