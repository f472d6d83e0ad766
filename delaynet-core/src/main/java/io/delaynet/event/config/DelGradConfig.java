package io.delaynet.event.config;

import io.delaynet.config.AugmentSection;
import io.delaynet.config.InfinityAllowed;
import io.delaynet.config.TrainingSection;
import java.util.List;

/**
 * The typed form of a DelGrad run configuration (see delgrad-defaults.yaml for every key and its
 * default). Validation that needs several keys lives in {@link DelGradMethod}.
 */
public record DelGradConfig(String method, Data data, Network network, Loss loss, Bumping bumping,
                            TrainingSection training) {

    /**
     * Where the input spike times come from. Yin-Yang is generated; MNIST and Fashion-MNIST are read
     * from {@code dir} (else the run's data folder) and encoded per pixel; the keys after
     * {@code replicas} apply to them only, except {@code noise}, which applies to any data set.
     */
    public record Data(String dataset, double early, double late, List<Double> biasTimes, int replicas, Double noise,
                       String dir, Integer resolution, String black, String split, Integer validationSize,
                       Integer trainLimit, Integer evalLimit, AugmentSection augment) {
        public static final String YINYANG = "yinyang";

        public Data {
            if (!YINYANG.equals(dataset) && !"mnist".equals(dataset) && !"fashion-mnist".equals(dataset)) {
                throw new IllegalArgumentException("data.dataset must be yinyang, mnist or fashion-mnist, got " + dataset);
            }
            if (!(late > early)) {
                throw new IllegalArgumentException("data.late must be greater than data.early");
            }
            if (replicas < 1) {
                throw new IllegalArgumentException("data.replicas must be >= 1");
            }
            biasTimes = biasTimes == null ? List.of() : List.copyOf(biasTimes);
            noise = noise == null ? 0.0 : noise;
            if (!(noise >= 0) || noise.isInfinite()) {
                throw new IllegalArgumentException("data.noise must be a finite number >= 0, got " + noise);
            }
            resolution = resolution == null ? 28 : resolution;
            if (resolution != 28 && resolution != 16) {
                throw new IllegalArgumentException("data.resolution must be 28 or 16, got " + resolution);
            }
            black = black == null ? "late" : black;
            if (!"late".equals(black) && !"silent".equals(black)) {
                throw new IllegalArgumentException("data.black must be late or silent, got " + black);
            }
            split = split == null ? "last" : split;
            if (!"last".equals(split) && !"random".equals(split)) {
                throw new IllegalArgumentException("data.split must be last or random, got " + split);
            }
            validationSize = validationSize == null ? 10_000 : validationSize;
            trainLimit = trainLimit == null ? 0 : trainLimit;
            evalLimit = evalLimit == null ? 0 : evalLimit;
            if (validationSize < 0 || trainLimit < 0 || evalLimit < 0) {
                throw new IllegalArgumentException("data.validation_size, data.train_limit and data.eval_limit must be >= 0");
            }
        }

        public boolean isYinYang() {
            return YINYANG.equals(dataset);
        }
    }

    /**
     * @param tauSynMs the physical length of tau_s, the engine's time unit, in ms: sets the scale of
     *                 exported descriptions only (the engine's numbers do not depend on it)
     * @param reuseRoots tau_m = 2 tau_s: take the exponentials of spike times from the closed-form
     *                   roots instead of {@code Math.exp} (faster; equal up to rounding, see
     *                   {@link io.delaynet.event.EventNetwork#EventNetwork(io.delaynet.event.LifModel, int, List, boolean)})
     */
    @InfinityAllowed("weight_limit")
    public record Network(double tauRatio, double threshold, double tauSynMs, List<Layer> layers, Delay delay,
                          double weightLimit, boolean reuseRoots) {
        public Network {
            if (!(tauSynMs / 1000 > 0) || Double.isInfinite(tauSynMs)) { // also in seconds: 4.9e-324 ms is 0 s
                throw new IllegalArgumentException("network.tau_syn_ms must be a positive number of ms (above 0 also "
                        + "in seconds), got " + tauSynMs);
            }
            if (tauRatio != 1.0 && tauRatio != 2.0) {
                throw new IllegalArgumentException("network.tau_ratio must be 1 or 2 for the exact event engine, got " + tauRatio);
            }
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("network.threshold must be > 0");
            }
            if (layers == null || layers.isEmpty()) {
                throw new IllegalArgumentException("network.layers needs at least the output layer");
            }
            layers = List.copyOf(layers);
            if (!(weightLimit > 0)) {
                throw new IllegalArgumentException("network.weight_limit must be > 0 (.inf for none)");
            }
        }
    }

    /** One layer of neurons and the projection into it; absent keys take the defaults shown. */
    public record Layer(int size, String delays, Double weightsMean, Double weightsStd, Double maxMissingSpikes,
                        Integer delaySharing) {
        public Layer {
            if (size < 1) {
                throw new IllegalArgumentException("every layer needs size >= 1");
            }
            delays = delays == null ? "none" : delays;
            weightsMean = weightsMean == null ? 1.0 : weightsMean;
            weightsStd = weightsStd == null ? 1.0 : weightsStd;
            maxMissingSpikes = maxMissingSpikes == null ? 0.3 : maxMissingSpikes;
            delaySharing = delaySharing == null ? 1 : delaySharing;
            if (weightsStd < 0) {
                throw new IllegalArgumentException("weights_std must be >= 0");
            }
            if (maxMissingSpikes < 0 || maxMissingSpikes > 1) {
                throw new IllegalArgumentException("max_missing_spikes must be in [0, 1]");
            }
            if (delaySharing < 1) {
                throw new IllegalArgumentException("delay_sharing must be >= 1");
            }
        }
    }

    public record Delay(String parameterisation, double shift, double scale, double min, double max, double initMean,
                        double initStd) {
        public Delay {
            if (!"sigmoid".equals(parameterisation) && !"clip".equals(parameterisation)) {
                throw new IllegalArgumentException("network.delay.parameterisation must be sigmoid or clip, got "
                        + parameterisation);
            }
            if (initStd < 0) {
                throw new IllegalArgumentException("network.delay.init_std must be >= 0");
            }
        }
    }

    @InfinityAllowed("max_dw_norm")
    public record Loss(String type, double deltaT, double xi, double alpha, double beta, double maxDwNorm) {
        public Loss {
            if (!"shift_invariant_mse".equals(type) && !"ttfs".equals(type)) {
                throw new IllegalArgumentException("loss.type must be shift_invariant_mse or ttfs, got " + type);
            }
            if (!(xi > 0) || !(beta > 0)) {
                throw new IllegalArgumentException("loss.xi and loss.beta must be > 0");
            }
            if (!(maxDwNorm > 0)) {
                throw new IllegalArgumentException("loss.max_dw_norm must be > 0 (.inf to disable the guard)");
            }
        }
    }

    public record Bumping(double value, boolean exponential, boolean targeted) {
        public Bumping {
            if (value < 0) {
                throw new IllegalArgumentException("bumping.value must be >= 0");
            }
        }
    }
}
