package io.delaynet.event;

import io.delaynet.util.RandomStreams;
import java.util.SplittableRandom;

/**
 * Gaussian jitter of the input spike times during training, as the Fast&amp;Deep / DelGrad code does
 * it ({@code training_noise}): every input time of a training sample gets N(0, std^2) added afresh
 * each time the sample is drawn, and a time that falls below zero is reflected to its absolute
 * value. Silent inputs stay silent. Evaluation always sees the clean times.
 *
 * <p>The draws of a sample depend only on the root seed, the number of batches trained before
 * (a count the learner keeps and a checkpoint restores) and the sample's index, never on the
 * thread that runs it, so results stay the same for any thread count.
 *
 * @param std     standard deviation of the jitter in units of tau_s; 0 disables it
 * @param streams the run's random streams
 */
public record InputNoise(double std, RandomStreams streams) {
    public static final InputNoise NONE = new InputNoise(0.0, new RandomStreams(0));

    public InputNoise {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("input noise must be a finite std >= 0, got " + std);
        }
    }

    public boolean active() {
        return std > 0;
    }

    /**
     * Writes the jittered {@code input} of training sample {@code sample}, drawn in batch
     * {@code batch} (counted over the whole run), into {@code out} and returns it.
     */
    public double[] apply(double[] input, long batch, int sample, double[] out) {
        SplittableRandom random = streams.stream("input-noise", (batch << 32) ^ sample);
        double spare = Double.NaN;
        for (int i = 0; i < input.length; i++) {
            double t = input[i];
            if (t == Double.POSITIVE_INFINITY) {
                out[i] = t;
                continue;
            }
            double z;
            if (Double.isNaN(spare)) {
                // Box-Muller gives two independent normals per pair of uniforms; use both
                double u1 = 1.0 - random.nextDouble();
                double u2 = random.nextDouble();
                double r = Math.sqrt(-2.0 * Math.log(u1));
                z = r * Math.cos(2.0 * Math.PI * u2);
                spare = r * Math.sin(2.0 * Math.PI * u2);
            } else {
                z = spare;
                spare = Double.NaN;
            }
            out[i] = Math.abs(t + std * z);
        }
        return out;
    }
}
