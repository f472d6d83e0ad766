package io.delaynet.stepped.network;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.Reset;
import io.delaynet.model.TimeBase;
import io.delaynet.model.Topology;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.estimator.GradientEstimator;
import io.delaynet.stepped.estimator.SurrogateGradient;
import io.delaynet.stepped.neuron.CubaLifParams;
import io.delaynet.stepped.neuron.FilteredLifParams;
import io.delaynet.stepped.neuron.LeakyIntegratorParams;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.neuron.PassThroughParams;
import io.delaynet.stepped.neuron.SrmParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import io.delaynet.train.ParameterGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The time-stepped engine's side of the network description: {@link #describe} writes a
 * network as a {@link NetworkDescription} (time unit = one step, so every number is the engine's
 * own, exactly), {@link #build} compiles a description into a trainable or runnable network. The
 * two are inverse: a network rebuilt from its description computes exactly what it did.
 *
 * <p>The engine stores weights pre-major ({@code w[i * post + j]}) for its loops over the
 * spikes of one presynaptic neuron; the description is post-major, so both directions transpose.
 */
public final class SteppedDescriptions {
    private SteppedDescriptions() {
    }

    /**
     * What building needs beyond the description: the training choices.
     *
     * @param spike         spike function of the forward pass
     * @param estimator     gradient estimator of every layer
     * @param detachReset   whether the backward pass ignores resets and refractory kernels
     * @param trainWeights  whether the weight groups are trainable
     * @param trainDelays   whether the delay groups are trainable
     * @param feedForward   bounds of feed-forward delays (steps)
     * @param recurrent     bounds of recurrent delays (steps, min >= 1)
     */
    public record Options(SpikeFunction spike, GradientEstimator estimator, boolean detachReset, boolean trainWeights,
                          boolean trainDelays, DelayBounds feedForward, DelayBounds recurrent) {

        /** For running a trained network: threshold spikes, nothing trainable, the widest bounds. */
        public static Options forInference() {
            SpikeFunction spike = new SpikeFunction.Threshold(new Surrogate.Exponential(1, 1));
            return new Options(spike, new SurrogateGradient(spike), true, false, false, DelayBounds.NON_NEGATIVE,
                    new DelayBounds(1, Double.POSITIVE_INFINITY));
        }
    }

    /**
     * The description of {@code network}: input "input", layers named as the engine names them.
     *
     * @param stepSeconds the physical length of one step
     * @param decision    how the output becomes a class (the learner's decision rule)
     */
    public static NetworkDescription describe(SteppedNetwork network, double stepSeconds, String decision) {
        List<Population> populations = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        populations.add(new Population("input", network.inputSize(), new Neuron.Source()));
        String below = "input";
        for (Layer layer : network.layers()) {
            populations.add(new Population(layer.name(), layer.size(), neuron(layer.neuron())));
            connections.add(connection(layer.name(), below, layer.name(), layer.input()));
            if (layer.isRecurrent()) {
                connections.add(connection(layer.name() + ".recurrent", layer.name(), layer.name(), layer.recurrent()));
            }
            below = layer.name();
        }
        return new NetworkDescription(TimeBase.stepped(stepSeconds), network.steps(), populations, connections,
                "input", below, decision);
    }

    private static Connection connection(String name, String from, String to, Projection p) {
        int pre = p.pre();
        int post = p.post();
        if (!p.dense()) {
            return new Connection(name, from, to, pre, post, p.weights().values().clone(), p.kind(), new double[0],
                    realisation(p.interpolation()), false, p.topology());
        }
        double[] w = new double[pre * post];
        double[] engine = p.weights().values();
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                w[j * pre + i] = engine[i * post + j];
            }
        }
        double[] d = new double[p.kind().count(pre, post)];
        if (p.kind() == DelayKind.SYNAPTIC) {
            for (int i = 0; i < pre; i++) {
                for (int j = 0; j < post; j++) {
                    d[j * pre + i] = p.delays().values()[i * post + j];
                }
            }
        } else if (p.delays() != null) {
            System.arraycopy(p.delays().values(), 0, d, 0, d.length);
        }
        return new Connection(name, from, to, pre, post, w, p.kind(), d, realisation(p.interpolation()), p.recurrent());
    }

    /** Builds the network a description describes (a layered chain with optional recurrence per layer). */
    public static SteppedNetwork build(NetworkDescription d, Options options) {
        if (d.time().isContinuous() || d.time().dt() != 1.0) {
            throw new IllegalArgumentException("the time-stepped engine needs a description in units of its step (dt = 1), got dt = "
                    + d.time().dt());
        }
        int steps = (int) Math.round(d.window());
        if (steps < 1 || steps != d.window()) {
            throw new IllegalArgumentException("the window must be a whole number of steps >= 1, got " + d.window());
        }
        List<Population> chain = d.chain();
        List<Layer> layers = new ArrayList<>();
        for (Population population : chain.subList(1, chain.size())) {
            Connection ff = null;
            Connection rec = null;
            for (Connection c : d.connectionsInto(population.name())) {
                if (c.recurrent()) {
                    rec = c;
                } else {
                    ff = c;
                }
            }
            NeuronModel model = model(population.neuron(), options.detachReset());
            Projection input = projection(ff, steps, options, options.feedForward(), 0);
            Projection recurrent = rec == null ? null : projection(rec, steps, options, options.recurrent(), 1);
            layers.add(new Layer(population.name(), model, input, recurrent, options.estimator()));
        }
        return new SteppedNetwork(steps, layers, options.spike());
    }

    private static Projection projection(Connection c, int steps, Options options, DelayBounds bounds, int earliest) {
        int pre = c.pre();
        int post = c.post();
        if (!c.dense()) {
            // shared weights in the description's own layout; a pooling's one weight is fixed
            boolean trainable = options.trainWeights() && c.topology() instanceof Topology.Conv2d;
            return new Projection(pre, post, steps, c.kind(), interpolation(c.realisation()), bounds, earliest,
                    new ParameterGroup(c.name() + ".weights", c.weights().clone(), "weights", trainable), null,
                    c.topology());
        }
        double[] w = new double[pre * post];
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                w[i * post + j] = c.weights()[j * pre + i];
            }
        }
        ParameterGroup delays = null;
        if (c.kind() != DelayKind.NONE) {
            double[] d = new double[c.delays().length];
            if (c.kind() == DelayKind.SYNAPTIC) {
                for (int i = 0; i < pre; i++) {
                    for (int j = 0; j < post; j++) {
                        d[i * post + j] = c.delays()[j * pre + i];
                    }
                }
            } else {
                System.arraycopy(c.delays(), 0, d, 0, d.length);
            }
            delays = new ParameterGroup(c.name() + ".delays", d, "delays", options.trainDelays());
        }
        return new Projection(pre, post, steps, c.kind(), interpolation(c.realisation()), bounds, earliest,
                new ParameterGroup(c.name() + ".weights", w, "weights", options.trainWeights()), delays);
    }

    static Neuron neuron(NeuronModel m) {
        return switch (m) {
            case SrmParams s -> new Neuron.Srm(s.tauPsp(), s.tauRefractory(), s.refractoryScale(), s.threshold());
            case LifParams l -> new Neuron.Lif(l.tauMem(), l.threshold(), reset(l.reset()));
            case CubaLifParams c -> new Neuron.CubaLif(c.tauSyn(), c.tauMem(), c.threshold(), reset(c.reset()));
            case FilteredLifParams f -> new Neuron.FilteredLif(f.tauSyn(), f.tauMem(), f.threshold());
            case LeakyIntegratorParams li -> new Neuron.LeakyIntegrator(li.tauMem());
            case PassThroughParams p -> new Neuron.PassThrough();
        };
    }

    static NeuronModel model(Neuron n, boolean detachReset) {
        return switch (n) {
            case Neuron.Srm s -> new SrmParams(s.threshold(), s.tauPsp(), s.tauRefractory(), s.refractoryScale(), detachReset);
            case Neuron.Lif l -> new LifParams(l.tauMem(), l.threshold(), reset(l.reset()), detachReset);
            case Neuron.CubaLif c -> new CubaLifParams(c.tauSyn(), c.tauMem(), c.threshold(), reset(c.reset()), detachReset);
            case Neuron.FilteredLif f -> new FilteredLifParams(f.tauSyn(), f.tauMem(), f.threshold(), detachReset);
            case Neuron.LeakyIntegrator li -> new LeakyIntegratorParams(li.tauMem());
            case Neuron.PassThrough p -> new PassThroughParams();
            case Neuron.Source s -> throw new IllegalArgumentException("a source population cannot be a layer");
            case Neuron.FirstSpikeLif f -> throw new IllegalArgumentException(
                    "first-spike LIF neurons (the event-driven engine's) have no time-stepped form");
        };
    }

    private static Reset reset(LifParams.Reset r) {
        return r == LifParams.Reset.SUBTRACT ? Reset.SUBTRACT : Reset.ZERO;
    }

    private static LifParams.Reset reset(Reset r) {
        return switch (r) {
            case SUBTRACT -> LifParams.Reset.SUBTRACT;
            case ZERO -> LifParams.Reset.ZERO;
            case NONE -> throw new IllegalArgumentException("the time-stepped engine resets spiking neurons (subtract or zero)");
        };
    }

    /** How the description names an engine delay interpolation. */
    public static DelayRealisation realisation(DelayInterpolation i) {
        return switch (i) {
            case DelayInterpolation.IntegerShift s -> new DelayRealisation.WholeSteps(s.rounding() == Rounding.FLOOR);
            case DelayInterpolation.Linear l -> new DelayRealisation.Linear();
            case DelayInterpolation.Gaussian g -> new DelayRealisation.Gaussian(g.sigma());
        };
    }

    static DelayInterpolation interpolation(DelayRealisation r) {
        return switch (r) {
            case DelayRealisation.WholeSteps w -> new DelayInterpolation.IntegerShift(w.floor() ? Rounding.FLOOR : Rounding.ROUND);
            case DelayRealisation.Linear l -> new DelayInterpolation.Linear();
            case DelayRealisation.Gaussian g -> new DelayInterpolation.Gaussian(g.sigma());
            case DelayRealisation.Exact e -> throw new IllegalArgumentException(
                    "exact (continuous-time) delays have no time-stepped form; round them to steps first");
        };
    }
}
