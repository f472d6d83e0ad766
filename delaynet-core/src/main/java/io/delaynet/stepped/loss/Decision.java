package io.delaynet.stepped.loss;

import java.util.Locale;

/**
 * How the output spike trains name a class. Spike arrays are laid out {@code s[t * classes + k]};
 * an entry counts as a spike when it is not zero. No output spike at all gives -1, which counts
 * as wrong.
 */
public enum Decision {
    /**
     * The reference's rule: the neuron that spikes first. When several spike first, the one with
     * the most spikes over the whole window wins, counted over all output neurons as the
     * reference's global bincount does (so it can even be a neuron that did not fire first);
     * remaining ties go to the lowest index.
     */
    EARLIEST_SPIKE,
    /** The neuron with the most spikes; ties go to the one that fired first, then the lowest index. */
    MOST_SPIKES,
    /**
     * For a non-spiking read-out: the class whose output, summed over the window, is largest
     * (ties to the lowest index). Never -1.
     */
    MEAN_OUTPUT,
    /** For a non-spiking read-out: the class whose output reaches the highest value at any step. */
    MAX_OUTPUT;

    public int predict(double[] spikes, int steps, int classes) {
        if (this == MEAN_OUTPUT || this == MAX_OUTPUT) {
            return readout(spikes, steps, classes, this == MAX_OUTPUT);
        }
        int[] counts = new int[classes];
        int[] first = new int[classes];
        java.util.Arrays.fill(first, Integer.MAX_VALUE);
        int earliest = Integer.MAX_VALUE;
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                if (spikes[t * classes + k] != 0) {
                    counts[k]++;
                    first[k] = Math.min(first[k], t);
                    earliest = Math.min(earliest, t);
                }
            }
        }
        if (earliest == Integer.MAX_VALUE) {
            return -1;
        }
        return switch (this) {
            case EARLIEST_SPIKE -> {
                int winner = -1;
                int tied = 0;
                for (int k = 0; k < classes; k++) {
                    if (first[k] == earliest) {
                        winner = k;
                        tied++;
                    }
                }
                yield tied == 1 ? winner : argmax(counts);
            }
            case MEAN_OUTPUT, MAX_OUTPUT -> throw new AssertionError("handled above");
            case MOST_SPIKES -> {
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (counts[k] > counts[best] || (counts[k] == counts[best] && first[k] < first[best])) {
                        best = k;
                    }
                }
                yield best;
            }
        };
    }

    private static int readout(double[] y, int steps, int classes, boolean max) {
        double[] score = new double[classes];
        java.util.Arrays.fill(score, max ? Double.NEGATIVE_INFINITY : 0.0);
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                double v = y[t * classes + k];
                score[k] = max ? Math.max(score[k], v) : score[k] + v;
            }
        }
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (score[k] > score[best]) {
                best = k;
            }
        }
        return best;
    }

    private static int argmax(int[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    public static Decision parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "earliest_spike" -> EARLIEST_SPIKE;
            case "most_spikes" -> MOST_SPIKES;
            case "mean_output" -> MEAN_OUTPUT;
            case "max_output" -> MAX_OUTPUT;
            default -> throw new IllegalArgumentException("unknown decision '" + name
                    + "'; use earliest_spike, most_spikes, mean_output or max_output");
        };
    }
}
