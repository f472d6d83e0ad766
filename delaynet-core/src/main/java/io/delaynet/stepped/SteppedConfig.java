package io.delaynet.stepped;

import io.delaynet.config.TrainingSection;
import io.delaynet.data.mnist.MnistVariant;
import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.loss.Decision;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.surrogate.Surrogate;
import java.util.List;
import java.util.Locale;

/**
 * The configuration of the time-stepped method, bound from the resolved tree with snake_case
 * keys. Every key is documented, with its default, in {@code stepped-defaults.yaml}. Names of
 * choices are checked here so that a typo fails at load time with the key's path.
 */
public record SteppedConfig(String method, Data data, Network network, Loss loss, TrainingSection training) {

    /** {@code data:} which images, where, how many and how they become spikes. */
    public record Data(String dataset, String dir, int validationSize, int trainLimit, int evalLimit,
                       Encoding encoding) {
        public Data {
            MnistVariant.parse(dataset);
            if (validationSize < 0) {
                throw new IllegalArgumentException("validation_size must be >= 0, got " + validationSize);
            }
            if (trainLimit < 0 || evalLimit < 0) {
                throw new IllegalArgumentException("train_limit and eval_limit must be >= 0 (0 = all)");
            }
        }
    }

    /** {@code data.encoding:} brightness-to-latency coding. */
    public record Encoding(int steps, int levels, boolean spikeSaturated) {
        public Encoding {
            if (levels < 1 || steps < levels) {
                throw new IllegalArgumentException("needs levels >= 1 and steps >= levels, got steps " + steps
                        + " and levels " + levels);
            }
        }
    }

    /** {@code network:} layers, neurons, gradient estimator, delays, weights and what trains. */
    public record Network(List<Integer> hidden, Neuron neuron, SurrogateShape surrogate, Delays delays,
                          Weights weights, boolean trainWeights, boolean trainDelays) {
        public Network {
            hidden = hidden == null ? List.of() : List.copyOf(hidden);
            for (int size : hidden) {
                if (size < 1) {
                    throw new IllegalArgumentException("hidden layer sizes must be >= 1, got " + hidden);
                }
            }
            if (!trainWeights && !trainDelays) {
                throw new IllegalArgumentException("nothing to train: set train_weights or train_delays to true");
            }
        }
    }

    /** {@code network.neuron:} which model and its constants. */
    public record Neuron(String model, double threshold, boolean detachReset, Srm srm, Lif lif) {
        public Neuron {
            String m = model.toLowerCase(Locale.ROOT);
            if (!m.equals("srm") && !m.equals("lif")) {
                throw new IllegalArgumentException("unknown neuron model '" + model + "'; use srm or lif");
            }
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("threshold must be positive, got " + threshold);
            }
        }
    }

    /** {@code network.neuron.srm:} SLAYER SRM kernels. */
    public record Srm(double tauPsp, double tauRefractory, double refractoryScale) {
    }

    /** {@code network.neuron.lif:} discrete LIF. */
    public record Lif(double beta, String reset) {
        public Lif {
            LifParams.Reset.parse(reset);
        }
    }

    /** {@code network.surrogate:} the pseudo-derivative of the spike. */
    public record SurrogateShape(String kind, double width, double scale) {
        public SurrogateShape {
            Surrogate.of(kind, width, scale);
        }
    }

    /** {@code network.delays:} sharing, interpolation, initialisation and bounds. */
    public record Delays(String kind, String forward, String rounding, double gaussianSigma, double initLow,
                         double initHigh, double min, Double max) {
        public Delays {
            DelayKind.parse(kind);
            Rounding.parse(rounding);
            String f = forward.toLowerCase(Locale.ROOT);
            if (!f.equals("integer") && !f.equals("linear") && !f.equals("gaussian")) {
                throw new IllegalArgumentException("unknown delay forward '" + forward + "'; use integer, linear or gaussian");
            }
            if (!(gaussianSigma > 0)) {
                throw new IllegalArgumentException("gaussian_sigma must be positive, got " + gaussianSigma);
            }
            if (!(min >= 0)) {
                throw new IllegalArgumentException("min must be >= 0 steps, got " + min);
            }
            if (max != null && !(max >= min)) {
                throw new IllegalArgumentException("max (" + max + ") must be >= min (" + min + ") or null");
            }
            if (!(initHigh >= initLow) || !(initLow >= 0)) {
                throw new IllegalArgumentException("needs 0 <= init_low <= init_high, got " + initLow + " and " + initHigh);
            }
        }
    }

    /** {@code network.weights:} initial (and, when frozen, final) weights. */
    public record Weights(String init, double scale, List<MeanStd> layers) {
        public Weights {
            String i = init.toLowerCase(Locale.ROOT);
            if (!i.equals("normal") && !i.equals("ternary")) {
                throw new IllegalArgumentException("unknown weight init '" + init + "'; use normal or ternary");
            }
            layers = layers == null ? List.of() : List.copyOf(layers);
        }
    }

    /** One projection's weight distribution before scaling. */
    public record MeanStd(double mean, double std) {
        public MeanStd {
            if (!(std >= 0)) {
                throw new IllegalArgumentException("std must be >= 0, got " + std);
            }
        }
    }

    /** {@code loss:} what is minimised and how the class is read out. */
    public record Loss(String kind, int targetSteps, double kernelTau, double firstSpikeTau, String decision) {
        public Loss {
            String k = kind.toLowerCase(Locale.ROOT);
            if (!k.equals("spike_time") && !k.equals("count_cross_entropy") && !k.equals("first_spike")) {
                throw new IllegalArgumentException("unknown loss '" + kind
                        + "'; use spike_time, count_cross_entropy or first_spike");
            }
            Decision.parse(decision);
            if (targetSteps < 0) {
                throw new IllegalArgumentException("target_steps must be >= 0, got " + targetSteps);
            }
            if (!(kernelTau > 0) || !(firstSpikeTau > 0)) {
                throw new IllegalArgumentException("kernel_tau and first_spike_tau must be positive");
            }
        }
    }
}
