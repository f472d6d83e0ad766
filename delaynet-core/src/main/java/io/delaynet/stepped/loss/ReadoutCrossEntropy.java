package io.delaynet.stepped.loss;

import java.util.Locale;

/**
 * Softmax cross-entropy on a non-spiking read-out (leaky integrators whose output is their
 * potential y[t][k]), in one of three forms over time:
 * <ul>
 *   <li>{@link Over#EVERY_STEP}: the mean over steps of {@code CE(softmax(y[t]), label)}; the error
 *       {@code (softmax(y[t]) - onehot) / T} is known at every step, which is what an online rule
 *       needs as its learning signal (e-prop's read-out loss);</li>
 *   <li>{@link Over#MEAN}: {@code CE(softmax(mean_t y[t]), label)};</li>
 *   <li>{@link Over#MAX}: {@code CE(softmax(max_t y[t]), label)} per class (the usual SHD
 *       read-out; the gradient goes to each class's maximal step, the earliest on ties).</li>
 * </ul>
 */
public record ReadoutCrossEntropy(Over over) implements SpikeLoss {

    /** How the read-out's steps are combined. */
    public enum Over {
        EVERY_STEP, MEAN, MAX;

        public static Over parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "every_step" -> EVERY_STEP;
                case "mean" -> MEAN;
                case "max" -> MAX;
                default -> throw new IllegalArgumentException("unknown read-out combination '" + name
                        + "'; use every_step, mean or max");
            };
        }
    }

    public ReadoutCrossEntropy {
        java.util.Objects.requireNonNull(over, "over");
    }

    @Override
    public double evaluate(double[] y, int steps, int classes, int label, double[] gradient) {
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0, steps * classes, 0.0);
        }
        return switch (over) {
            case EVERY_STEP -> everyStep(y, steps, classes, label, gradient);
            case MEAN -> mean(y, steps, classes, label, gradient);
            case MAX -> max(y, steps, classes, label, gradient);
        };
    }

    private static double everyStep(double[] y, int steps, int classes, int label, double[] gradient) {
        double loss = 0;
        double[] logits = new double[classes];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(y, t * classes, logits, 0, classes);
            loss += Softmax.crossEntropy(logits, label);
            if (gradient != null) {
                double[] p = Softmax.probabilities(logits);
                for (int k = 0; k < classes; k++) {
                    gradient[t * classes + k] = (p[k] - (k == label ? 1.0 : 0.0)) / steps;
                }
            }
        }
        return loss / steps;
    }

    private static double mean(double[] y, int steps, int classes, int label, double[] gradient) {
        double[] logits = new double[classes];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                logits[k] += y[t * classes + k];
            }
        }
        for (int k = 0; k < classes; k++) {
            logits[k] /= steps;
        }
        if (gradient != null) {
            double[] p = Softmax.probabilities(logits);
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < classes; k++) {
                    gradient[t * classes + k] = (p[k] - (k == label ? 1.0 : 0.0)) / steps;
                }
            }
        }
        return Softmax.crossEntropy(logits, label);
    }

    private static double max(double[] y, int steps, int classes, int label, double[] gradient) {
        double[] logits = new double[classes];
        int[] at = new int[classes];
        for (int k = 0; k < classes; k++) {
            logits[k] = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < steps; t++) {
                if (y[t * classes + k] > logits[k]) {
                    logits[k] = y[t * classes + k];
                    at[k] = t;
                }
            }
        }
        if (gradient != null) {
            double[] p = Softmax.probabilities(logits);
            for (int k = 0; k < classes; k++) {
                gradient[at[k] * classes + k] = p[k] - (k == label ? 1.0 : 0.0);
            }
        }
        return Softmax.crossEntropy(logits, label);
    }
}
