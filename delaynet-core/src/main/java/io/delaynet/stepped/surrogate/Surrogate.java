package io.delaynet.stepped.surrogate;

import java.util.Locale;

/**
 * The pseudo-derivative that stands in for the derivative of the threshold (a Dirac pulse) in
 * the backward pass. All three shapes peak at {@code scale / (width * threshold)} when the
 * membrane sits exactly on the threshold; {@code width} is measured in units of the threshold,
 * as in SLAYER, so a network keeps its gradient scale when its threshold is rescaled.
 */
public sealed interface Surrogate {

    /** d spike / d u at membrane potential {@code u}. */
    double derivative(double u, double threshold);

    /** The reference's choice (SLAYER): {@code scale/(w θ) exp(-|u-θ| / (w θ))}. */
    record Exponential(double width, double scale) implements Surrogate {
        public Exponential {
            checkShape(width, scale);
        }

        @Override
        public double derivative(double u, double threshold) {
            double w = width * threshold;
            return scale / w * Math.exp(-Math.abs(u - threshold) / w);
        }
    }

    /** SuperSpike's fast sigmoid (Zenke &amp; Ganguli): {@code scale/(w θ) / (1 + |u-θ|/(w θ))^2}. */
    record FastSigmoid(double width, double scale) implements Surrogate {
        public FastSigmoid {
            checkShape(width, scale);
        }

        @Override
        public double derivative(double u, double threshold) {
            double w = width * threshold;
            double d = 1 + Math.abs(u - threshold) / w;
            return scale / w / (d * d);
        }
    }

    /** A Gaussian bump: {@code scale/(w θ) exp(-(u-θ)^2 / (2 (w θ)^2))}. */
    record Gaussian(double width, double scale) implements Surrogate {
        public Gaussian {
            checkShape(width, scale);
        }

        @Override
        public double derivative(double u, double threshold) {
            double w = width * threshold;
            double z = (u - threshold) / w;
            return scale / w * Math.exp(-0.5 * z * z);
        }
    }

    /** Parses the configuration name: exponential, fast_sigmoid or gaussian. */
    static Surrogate of(String kind, double width, double scale) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "exponential" -> new Exponential(width, scale);
            case "fast_sigmoid" -> new FastSigmoid(width, scale);
            case "gaussian" -> new Gaussian(width, scale);
            default -> throw new IllegalArgumentException("unknown surrogate '" + kind
                    + "'; use exponential, fast_sigmoid or gaussian");
        };
    }

    private static void checkShape(double width, double scale) {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("surrogate width must be a positive number, got " + width);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("surrogate scale must be a positive number, got " + scale);
        }
    }
}
