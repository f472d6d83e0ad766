package io.delaynet.stepped;

import io.delaynet.config.ConfigException;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.loss.CountCrossEntropy;
import io.delaynet.stepped.loss.FirstSpikeLoss;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.loss.SpikeTimeLoss;
import io.delaynet.stepped.estimator.GradientEstimator;
import io.delaynet.stepped.estimator.SurrogateGradient;
import io.delaynet.stepped.network.Layer;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.stepped.network.Projection;
import io.delaynet.stepped.network.WeightInit;
import io.delaynet.stepped.neuron.AlphaKernel;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.neuron.SrmParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import io.delaynet.train.ParameterGroup;
import io.delaynet.util.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Turns the {@code network:} and {@code loss:} sections into a network with initial parameters and a loss. */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /**
     * Builds {@code inputs -> hidden... -> outputs}. Weights of projection l are drawn from the
     * stream ("weights", l) and delays from ("delays", l) of {@code streams}, so changing one
     * layer's size never changes another's initial values.
     */
    public static SteppedNetwork build(SteppedConfig.Network config, int inputs, int outputs, int steps,
                                       RandomStreams streams) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputs);
        sizes.addAll(config.hidden());
        sizes.add(outputs);
        int projections = sizes.size() - 1;
        if (config.weights().layers().size() != projections) {
            throw new ConfigException("network.weights.layers lists " + config.weights().layers().size()
                    + " distributions but the network has " + projections + " projections (hidden "
                    + config.hidden() + "); give one {mean, std} per projection, input side first");
        }
        SteppedConfig.Delays d = config.delays();
        DelayKind kind = DelayKind.parse(d.kind());
        DelayInterpolation interpolation = interpolation(d);
        DelayBounds bounds = new DelayBounds(d.min(), d.max() == null ? Double.POSITIVE_INFINITY : d.max());
        NeuronModel neuron = neuron(config.neuron());
        SteppedConfig.SurrogateShape s = config.surrogate();
        SpikeFunction spike = new SpikeFunction.Threshold(Surrogate.of(s.kind(), s.width(), s.scale()));
        GradientEstimator estimator = new SurrogateGradient(spike);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < projections; l++) {
            int pre = sizes.get(l);
            int post = sizes.get(l + 1);
            String name = "layer" + (l + 1);
            double[] w = new double[pre * post];
            weightInit(config.weights(), l).fill(w, streams.stream("weights", l));
            double[] delays = new double[kind.count(pre, post)];
            SplittableRandom r = streams.stream("delays", l);
            for (int k = 0; k < delays.length; k++) {
                delays[k] = d.initLow() + (d.initHigh() - d.initLow()) * r.nextDouble();
            }
            Projection input = new Projection(pre, post, steps, kind, interpolation, bounds, 0,
                    new ParameterGroup(name + ".weights", w, "weights", config.trainWeights()),
                    new ParameterGroup(name + ".delays", delays, "delays", config.trainDelays()));
            layers.add(new Layer(name, neuron, input, null, estimator));
        }
        return new SteppedNetwork(steps, layers, spike);
    }

    public static SpikeLoss loss(SteppedConfig.Loss config) {
        return switch (config.kind().toLowerCase(Locale.ROOT)) {
            case "spike_time" -> new SpikeTimeLoss(new AlphaKernel(config.kernelTau(), 1.0), config.targetSteps());
            case "count_cross_entropy" -> new CountCrossEntropy();
            case "first_spike" -> new FirstSpikeLoss(config.firstSpikeTau());
            default -> throw new ConfigException("unknown loss.kind '" + config.kind() + "'");
        };
    }

    static NeuronModel neuron(SteppedConfig.Neuron n) {
        if (n.model().equalsIgnoreCase("lif")) {
            return new LifParams(n.lif().beta(), n.threshold(), LifParams.Reset.parse(n.lif().reset()), n.detachReset());
        }
        return new SrmParams(n.threshold(), n.srm().tauPsp(), n.srm().tauRefractory(), n.srm().refractoryScale(),
                n.detachReset());
    }

    static DelayInterpolation interpolation(SteppedConfig.Delays d) {
        return switch (d.forward().toLowerCase(Locale.ROOT)) {
            case "linear" -> new DelayInterpolation.Linear();
            case "gaussian" -> new DelayInterpolation.Gaussian(d.gaussianSigma());
            default -> new DelayInterpolation.IntegerShift(Rounding.parse(d.rounding()));
        };
    }

    static WeightInit weightInit(SteppedConfig.Weights w, int layer) {
        SteppedConfig.MeanStd m = w.layers().get(layer);
        return w.init().equalsIgnoreCase("ternary") ? new WeightInit.Ternary(w.scale(), m.mean(), m.std())
                : new WeightInit.Normal(w.scale(), m.mean(), m.std());
    }
}
