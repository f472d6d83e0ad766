package io.delaynet.baseline;

import io.delaynet.train.Adam;
import io.delaynet.train.ParameterGroup;
import io.delaynet.util.RandomStreams;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multinomial logistic regression: p(k | x) = softmax(W x + b)_k, trained by minibatch Adam on the
 * mean cross-entropy plus an L2 penalty on W. A linear readout, so what it achieves on spike counts
 * is a floor on what the spike code holds about the class. The loss is convex and the weights start
 * at zero, so only the data order is random, and that comes from the seed: equal inputs and options
 * give an identical model.
 */
public final class SoftmaxRegression {
    private final int features;
    private final int classes;
    /** Row k holds W[k][0..features-1] followed by b[k]. */
    private final double[] parameters;

    private SoftmaxRegression(int features, int classes, double[] parameters) {
        this.features = features;
        this.classes = classes;
        this.parameters = parameters;
    }

    /**
     * @param epochs       passes over the training set
     * @param batchSize    samples per Adam step
     * @param learningRate Adam step size
     * @param l2           weight of 0.5 · l2 · |W|² in the loss (biases are not penalised)
     * @param seed         root seed of the data order
     */
    public record Options(int epochs, int batchSize, double learningRate, double l2, long seed) {
        public static final Options DEFAULT = new Options(40, 64, 2e-3, 1e-3, 1);

        public Options {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(l2 >= 0)) {
                throw new IllegalArgumentException("need epochs, batchSize >= 1, learningRate > 0, l2 >= 0");
            }
        }
    }

    /** Fits on rows {@code x} with labels {@code y} in [0, classes). */
    public static SoftmaxRegression train(double[][] x, int[] y, int classes, Options options) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
        }
        int d = x[0].length;
        int stride = d + 1;
        double[] params = new double[classes * stride];
        ParameterGroup group = new ParameterGroup("softmax", params, "weights", true);
        Adam adam = Adam.withDefaults(List.of(group), false);
        SoftmaxRegression model = new SoftmaxRegression(d, classes, params);
        RandomStreams streams = new RandomStreams(options.seed());
        double[] gradient = new double[params.length];
        double[] p = new double[classes];
        int[] order = new int[x.length];
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, streams.stream("data-order", epoch));
            for (int start = 0; start < order.length; start += options.batchSize()) {
                int end = Math.min(order.length, start + options.batchSize());
                java.util.Arrays.fill(gradient, 0);
                for (int b = start; b < end; b++) {
                    double[] row = x[order[b]];
                    model.probabilities(row, p);
                    p[y[order[b]]] -= 1; // d(cross-entropy)/d(logit) = p - onehot
                    for (int k = 0; k < classes; k++) {
                        double g = p[k];
                        int base = k * stride;
                        for (int j = 0; j < d; j++) {
                            gradient[base + j] += g * row[j];
                        }
                        gradient[base + d] += g;
                    }
                }
                double inv = 1.0 / (end - start);
                for (int k = 0; k < classes; k++) {
                    int base = k * stride;
                    for (int j = 0; j < d; j++) {
                        gradient[base + j] = gradient[base + j] * inv + options.l2() * params[base + j];
                    }
                    gradient[base + d] *= inv;
                }
                adam.step(new double[][] {gradient}, key -> options.learningRate());
            }
        }
        return model;
    }

    /** Fisher-Yates on 0..n-1, driven by {@code random}. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    public int features() {
        return features;
    }

    public int classes() {
        return classes;
    }

    /** Class probabilities for one row, written into {@code out} (length = classes). */
    public void probabilities(double[] row, double[] out) {
        int stride = features + 1;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            int base = k * stride;
            double z = parameters[base + features];
            for (int j = 0; j < features; j++) {
                z += parameters[base + j] * row[j];
            }
            out[k] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            out[k] = Math.exp(out[k] - max); // shifted by the largest logit so exp never overflows
            sum += out[k];
        }
        for (int k = 0; k < classes; k++) {
            out[k] /= sum;
        }
    }

    /** The most probable class; ties go to the lowest index. */
    public int predict(double[] row) {
        double[] p = new double[classes];
        probabilities(row, p);
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** A copy of the weights and biases, row k = class k, last column = bias. */
    public double[][] weights() {
        double[][] out = new double[classes][];
        for (int k = 0; k < classes; k++) {
            out[k] = java.util.Arrays.copyOfRange(parameters, k * (features + 1), (k + 1) * (features + 1));
        }
        return out;
    }
}
