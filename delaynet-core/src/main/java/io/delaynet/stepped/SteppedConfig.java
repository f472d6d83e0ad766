package io.delaynet.stepped;

import io.delaynet.config.AugmentSection;
import io.delaynet.config.TrainingSection;
import io.delaynet.data.audio.SpikeDataSets;
import io.delaynet.data.mnist.IntensityNormalisation;
import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.loss.Decision;
import io.delaynet.stepped.loss.ReadoutCrossEntropy;
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

    /** {@code data:} which samples, where, how many and how they become spikes. */
    public record Data(String dataset, String dir, Integer validationSize, int trainLimit, int evalLimit,
                       Encoding encoding, Audio audio, AugmentSection augment) {
        public Data {
            if (validationSize != null && validationSize < 0) {
                throw new IllegalArgumentException("validation_size must be >= 0 or null, got " + validationSize);
            }
            if (trainLimit < 0 || evalLimit < 0) {
                throw new IllegalArgumentException("train_limit and eval_limit must be >= 0 (0 = all)");
            }
        }
    }

    /**
     * {@code data.encoding:} how an image becomes input: brightness-to-latency spikes, or the
     * intensity as an input current at every step.
     */
    public record Encoding(int steps, int levels, boolean spikeSaturated, String kind, Boolean normalise, Double mean,
                           Double std) {
        public Encoding {
            kind = kind == null ? "latency" : kind;
            String k = kind.toLowerCase(Locale.ROOT);
            if (!k.equals("latency") && !k.equals("intensity")) {
                throw new IllegalArgumentException("unknown encoding kind '" + kind + "'; use latency or intensity");
            }
            // methods that share this section without the intensity input (online) leave these out
            normalise = normalise != null && normalise;
            if (normalise && !k.equals("intensity")) {
                throw new IllegalArgumentException("normalise standardises the intensity input; set kind: intensity "
                        + "or normalise: false");
            }
            if ((mean == null) != (std == null)) {
                throw new IllegalArgumentException("give both mean and std (or neither: computed from the training "
                        + "split), got mean " + mean + " and std " + std);
            }
            if (mean != null && !normalise) {
                throw new IllegalArgumentException("mean and std are used only with normalise: true");
            }
            if (mean != null) {
                new IntensityNormalisation(mean, std); // checks them at load time
            }
            if (steps < 1) {
                throw new IllegalArgumentException("needs steps >= 1, got " + steps);
            }
            if (k.equals("latency") && (levels < 1 || steps < levels)) {
                throw new IllegalArgumentException("needs levels >= 1 and steps >= levels, got steps " + steps
                        + " and levels " + levels);
            }
        }

        public boolean intensity() {
            return kind.equalsIgnoreCase("intensity");
        }

        /** The constants to standardise with, or null: computed from the training split (when {@link #normalise}). */
        public IntensityNormalisation givenNormalisation() {
            return mean == null ? null : new IntensityNormalisation(mean, std);
        }
    }

    /** {@code data.audio:} how spike-event samples (fsdd, shd) are split and put on the step grid. */
    public record Audio(String split, double durationMs, int pool, int channels, String cache) {
        public Audio {
            SpikeDataSets.checkSplit("fsdd", split);
            if (!(durationMs > 0) || Double.isInfinite(durationMs)) {
                throw new IllegalArgumentException("duration_ms must be a positive number, got " + durationMs);
            }
            if (pool < 1) {
                throw new IllegalArgumentException("pool must be >= 1, got " + pool);
            }
            if (channels < 1 || channels > 4096) {
                throw new IllegalArgumentException("channels must be in 1..4096, got " + channels);
            }
        }
    }

    /** {@code network:} clock, layers, neurons, gradient estimator, delays, weights and what trains. */
    public record Network(double dtMs, List<Integer> hidden, boolean recurrent, Neuron neuron, Readout readout,
                          String estimator, SurrogateShape surrogate, Na na, Delays delays, Delays recurrentDelays,
                          Weights weights, boolean trainWeights, boolean trainDelays, List<SpatialLayer> layers) {
        public Network {
            layers = layers == null ? List.of() : List.copyOf(layers);
            if (!layers.isEmpty() && recurrent) {
                throw new IllegalArgumentException("convolution and pooling layers (layers) are feed-forward; "
                        + "set recurrent: false");
            }
            // methods that share this section without an estimator of their own (online) leave it out
            estimator = estimator == null ? "surrogate" : estimator;
            String e = estimator.toLowerCase(Locale.ROOT);
            if (!e.equals("surrogate") && !e.equals("na")) {
                throw new IllegalArgumentException("unknown estimator '" + estimator + "'; use surrogate or na");
            }
            if (e.equals("na") && recurrent) {
                throw new IllegalArgumentException("estimator na re-simulates a layer's whole window and cannot serve "
                        + "recurrent layers; set recurrent: false or estimator: surrogate");
            }
            if (e.equals("na") && neuron.model().equalsIgnoreCase("srm")) {
                throw new IllegalArgumentException("estimator na re-simulates LIF neurons; set neuron.model to "
                        + "filtered_lif, lif or cuba_lif (or estimator: surrogate)");
            }
            if (!(dtMs / 1000 > 0) || Double.isInfinite(dtMs)) { // also in seconds: 4.9e-324 ms is 0 s
                throw new IllegalArgumentException("dt_ms must be a positive number (above 0 also in seconds), got " + dtMs);
            }
            hidden = hidden == null ? List.of() : List.copyOf(hidden);
            for (int size : hidden) {
                if (size < 1) {
                    throw new IllegalArgumentException("hidden layer sizes must be >= 1, got " + hidden);
                }
            }
            if (!trainWeights && !trainDelays) {
                throw new IllegalArgumentException("nothing to train: set train_weights or train_delays to true");
            }
            if (recurrent && hidden.isEmpty()) {
                throw new IllegalArgumentException("recurrent: true needs at least one hidden layer");
            }
            if (recurrent && !(recurrentDelays.min() >= 1)) {
                throw new IllegalArgumentException("recurrent_delays.min must be >= 1 step (a spike cannot reach its own "
                        + "layer in the step it is emitted), got " + recurrentDelays.min());
            }
        }
    }

    /**
     * One entry of {@code network.layers}: a convolution or pooling layer of spiking neurons,
     * between the input image and the dense {@code hidden} layers.
     *
     * @param type     conv | pool
     * @param channels conv: output channels
     * @param kernel   conv: kernel side (stride 1, no padding); default 5
     * @param size     pool: window side (non-overlapping); default 2
     * @param weight   pool: the fixed weight of every pooled input (1 = sum pooling); default 1
     * @param neurons  pool: true (default) feeds the sums into a layer of spiking neurons; false hands
     *                 them straight to the next layer, no neurons in between (the NA release's pooling)
     */
    public record SpatialLayer(String type, Integer channels, Integer kernel, Integer size, Double weight,
                               Boolean neurons) {
        public SpatialLayer {
            if (type == null) {
                throw new IllegalArgumentException("every entry of layers needs a type: conv or pool");
            }
            switch (type.toLowerCase(Locale.ROOT)) {
                case "conv" -> {
                    if (channels == null || channels < 1) {
                        throw new IllegalArgumentException("a conv layer needs channels >= 1, got " + channels);
                    }
                    kernel = kernel == null ? 5 : kernel;
                    if (kernel < 1) {
                        throw new IllegalArgumentException("a conv layer needs kernel >= 1, got " + kernel);
                    }
                    if (size != null || weight != null || neurons != null) {
                        throw new IllegalArgumentException("a conv layer takes channels and kernel, not size, weight "
                                + "or neurons");
                    }
                }
                case "pool" -> {
                    size = size == null ? 2 : size;
                    weight = weight == null ? 1.0 : weight;
                    neurons = neurons == null ? Boolean.TRUE : neurons;
                    if (size < 1) {
                        throw new IllegalArgumentException("a pool layer needs size >= 1, got " + size);
                    }
                    if (!(weight > 0)) {
                        throw new IllegalArgumentException("a pool layer needs a positive weight, got " + weight);
                    }
                    if (channels != null || kernel != null) {
                        throw new IllegalArgumentException("a pool layer takes size and weight, not channels or kernel "
                                + "(it keeps its input's channels)");
                    }
                }
                default -> throw new IllegalArgumentException("unknown layer type '" + type
                        + "' in layers; use conv or pool (dense layers go in hidden)");
            }
        }

        public boolean conv() {
            return type.equalsIgnoreCase("conv");
        }

        /** A pooling whose sums go straight to the next layer, with no neurons of its own. */
        public boolean passThrough() {
            return !conv() && !neurons;
        }
    }

    /** {@code network.neuron:} which model and its constants. */
    public record Neuron(String model, double threshold, boolean detachReset, Srm srm, Lif lif, CubaLif cubaLif,
                         FilteredLif filteredLif) {
        public Neuron {
            String m = model.toLowerCase(Locale.ROOT);
            if (!m.equals("srm") && !m.equals("lif") && !m.equals("cuba_lif") && !m.equals("filtered_lif")) {
                throw new IllegalArgumentException("unknown neuron model '" + model
                        + "'; use srm, lif, cuba_lif or filtered_lif");
            }
            if (!(threshold > 0) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("threshold must be a positive number, got " + threshold);
            }
        }
    }

    /** {@code network.neuron.srm:} SLAYER SRM kernels, in steps. */
    public record Srm(double tauPsp, double tauRefractory, double refractoryScale) {
    }

    /** {@code network.neuron.lif:} discrete LIF. */
    public record Lif(double tauMemMs, String reset) {
        public Lif {
            LifParams.Reset.parse(reset);
            if (!(tauMemMs >= 0)) {
                throw new IllegalArgumentException("tau_mem_ms must be >= 0, got " + tauMemMs);
            }
        }
    }

    /** {@code network.neuron.cuba_lif:} LIF with a current-based synapse. */
    public record CubaLif(double tauSynMs, double tauMemMs, String reset) {
        public CubaLif {
            LifParams.Reset.parse(reset);
            if (!(tauSynMs > 0) || Double.isInfinite(tauSynMs) || !(tauMemMs > 0)) {
                throw new IllegalArgumentException("tau_syn_ms and tau_mem_ms must be positive, got " + tauSynMs
                        + " and " + tauMemMs);
            }
        }
    }

    /** {@code network.neuron.filtered_lif:} the NA paper's LIF with a first-order synaptic filter. */
    public record FilteredLif(double tauSynMs, double tauMemMs) {
        public FilteredLif {
            if (!(tauSynMs > 0) || Double.isInfinite(tauSynMs) || !(tauMemMs > 0)) {
                throw new IllegalArgumentException("tau_syn_ms and tau_mem_ms must be positive, got " + tauSynMs
                        + " and " + tauMemMs);
            }
        }
    }

    /** {@code network.readout:} the output layer's neurons. */
    public record Readout(String model, double tauMemMs) {
        public Readout {
            String m = model.toLowerCase(Locale.ROOT);
            if (!m.equals("spiking") && !m.equals("leaky_integrator")) {
                throw new IllegalArgumentException("unknown readout model '" + model + "'; use spiking or leaky_integrator");
            }
            if (!(tauMemMs > 0)) {
                throw new IllegalArgumentException("readout tau_mem_ms must be positive, got " + tauMemMs);
            }
        }

        public boolean leakyIntegrator() {
            return model.equalsIgnoreCase("leaky_integrator");
        }
    }

    /** {@code network.surrogate:} the pseudo-derivative of the spike. */
    public record SurrogateShape(String kind, double width, double scale) {
        public SurrogateShape {
            Surrogate.of(kind, width, scale);
        }
    }

    /** {@code network.na:} neighbourhood aggregation's choices (docs/na.md). */
    public record Na(String weighting, double clip, boolean normalise, String lossChange) {
        public Na {
            io.delaynet.stepped.estimator.NeighbourhoodAggregation.Weighting.parse(weighting);
            if (!(clip > 0)) {
                throw new IllegalArgumentException("clip must be positive (.inf for none), got " + clip);
            }
            String l = lossChange.toLowerCase(Locale.ROOT);
            if (!l.equals("first_order") && !l.equals("released")) {
                throw new IllegalArgumentException("unknown loss_change '" + lossChange + "'; use first_order or released");
            }
        }

        public boolean released() {
            return lossChange.equalsIgnoreCase("released");
        }
    }

    /** {@code network.delays} and {@code network.recurrent_delays:} sharing, interpolation, initialisation and bounds. */
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
    public record Weights(String init, double scale, List<MeanStd> layers, MeanStd recurrent, Double clamp) {
        public Weights {
            String i = init.toLowerCase(Locale.ROOT);
            if (!i.equals("normal") && !i.equals("ternary") && !i.equals("kaiming")) {
                throw new IllegalArgumentException("unknown weight init '" + init + "'; use normal, ternary or kaiming");
            }
            layers = layers == null ? List.of() : List.copyOf(layers);
            if (clamp != null && !(clamp > 0)) {
                throw new IllegalArgumentException("clamp must be positive or null, got " + clamp);
            }
        }

        public boolean kaiming() {
            return init.equalsIgnoreCase("kaiming");
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
    public record Loss(String kind, int targetSteps, double kernelTau, double firstSpikeTau, String readout,
                       double desiredCount, double undesiredCount, String decision) {
        public Loss {
            String k = kind.toLowerCase(Locale.ROOT);
            if (!k.equals("spike_time") && !k.equals("count_cross_entropy") && !k.equals("first_spike")
                    && !k.equals("readout_cross_entropy") && !k.equals("filtered_kernel") && !k.equals("spike_count")) {
                throw new IllegalArgumentException("unknown loss '" + kind + "'; use spike_time, count_cross_entropy, "
                        + "first_spike, readout_cross_entropy, filtered_kernel or spike_count");
            }
            if (!(desiredCount >= 0) || !(undesiredCount >= 0)) {
                throw new IllegalArgumentException("desired_count and undesired_count must be >= 0, got " + desiredCount
                        + " and " + undesiredCount);
            }
            Decision.parse(decision);
            ReadoutCrossEntropy.Over.parse(readout);
            if (targetSteps < 0) {
                throw new IllegalArgumentException("target_steps must be >= 0, got " + targetSteps);
            }
            if (!(kernelTau > 0) || !(firstSpikeTau > 0)) {
                throw new IllegalArgumentException("kernel_tau and first_spike_tau must be positive");
            }
        }
    }
}
