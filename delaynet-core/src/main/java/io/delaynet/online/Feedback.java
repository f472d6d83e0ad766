package io.delaynet.online;

import io.delaynet.util.RandomStreams;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How the read-out error reaches the hidden neurons (the third factor): {@code L_j[t] = sum_k
 * B_jk err_k[t]}. {@link #SYMMETRIC} uses the read-out's own weights (B = W_out transposed, read
 * live, so in-sequence updates are seen at once); it exists only for the layer that feeds the
 * read-out. {@link #RANDOM} draws a fixed matrix per hidden layer (random feedback alignment for
 * the last hidden layer, broadcast alignment for the ones below), never trained.
 */
public enum Feedback {
    SYMMETRIC, RANDOM;

    public static Feedback parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "symmetric" -> SYMMETRIC;
            case "random" -> RANDOM;
            default -> throw new IllegalArgumentException("unknown feedback '" + name + "'; use symmetric or random");
        };
    }

    /** A fixed random matrix, pre-major like the read-out weights ({@code b[j * classes + k]}), N(0, std^2). */
    static double[] randomMatrix(int hidden, int classes, double std, SplittableRandom random) {
        double[] b = new double[hidden * classes];
        for (int k = 0; k < b.length; k++) {
            b[k] = std * RandomStreams.gaussian(random);
        }
        return b;
    }
}
