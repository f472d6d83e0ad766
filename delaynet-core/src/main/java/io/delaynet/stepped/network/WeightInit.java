package io.delaynet.stepped.network;

import io.delaynet.util.RandomStreams;
import java.util.SplittableRandom;

/**
 * How the weights of a projection start. The delay-only reference freezes them at these values:
 * {@code scale * N(mean, std)}, or ternary {@code scale * clamp(round(N(mean, std)), -1, 1)},
 * i.e. weights in {-scale, 0, +scale}.
 */
public sealed interface WeightInit {

    void fill(double[] weights, SplittableRandom random);

    record Normal(double scale, double mean, double std) implements WeightInit {
        @Override
        public void fill(double[] weights, SplittableRandom random) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = scale * (mean + std * RandomStreams.gaussian(random));
            }
        }
    }

    record Ternary(double scale, double mean, double std) implements WeightInit {
        @Override
        public void fill(double[] weights, SplittableRandom random) {
            for (int i = 0; i < weights.length; i++) {
                double level = Math.rint(mean + std * RandomStreams.gaussian(random)); // torch.round: half to even
                weights[i] = scale * Math.max(-1.0, Math.min(1.0, level));
            }
        }
    }
}
