package io.delaynet.stepped.surrogate;

/**
 * How a neuron turns its membrane potential into an output, and which derivative the backward
 * pass uses for that step: the gradient estimator of the time-stepped engine. Keeping it apart
 * from the neuron models lets the same LIF or SRM dynamics run with any estimator.
 */
public sealed interface SpikeFunction {

    /** The output at membrane potential {@code u}: 1 for a spike, 0 otherwise (graded for smooth functions). */
    double spike(double u, double threshold);

    /** The derivative of {@link #spike} that backpropagation uses. */
    double derivative(double u, double threshold);

    /** A real spike ({@code u >= threshold}) whose backward pass uses a surrogate derivative. */
    record Threshold(Surrogate surrogate) implements SpikeFunction {
        @Override
        public double spike(double u, double threshold) {
            return u >= threshold ? 1.0 : 0.0;
        }

        @Override
        public double derivative(double u, double threshold) {
            return surrogate.derivative(u, threshold);
        }
    }

    /**
     * A smooth stand-in for checking gradients: the forward pass emits the graded output
     * {@code sigmoid((u-θ)/(w θ))} and the backward pass uses its true derivative, so the
     * network becomes a differentiable function whose BPTT gradient must match finite
     * differences exactly. Not meant for training.
     */
    record SmoothSigmoid(double width) implements SpikeFunction {
        public SmoothSigmoid {
            if (!(width > 0)) {
                throw new IllegalArgumentException("sigmoid width must be positive, got " + width);
            }
        }

        @Override
        public double spike(double u, double threshold) {
            return 1.0 / (1.0 + Math.exp(-(u - threshold) / (width * threshold)));
        }

        @Override
        public double derivative(double u, double threshold) {
            double s = spike(u, threshold);
            return s * (1 - s) / (width * threshold);
        }
    }
}
