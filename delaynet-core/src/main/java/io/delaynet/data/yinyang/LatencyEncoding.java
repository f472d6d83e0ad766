package io.delaynet.data.yinyang;

/**
 * Values in [0, 1] as spike times {@code early + v (late - early)} in units of tau_s, as in the
 * DelGrad / Fast&amp;Deep Yin-Yang experiments (early 0.15, late 2.0), with optional bias spikes
 * appended at fixed times.
 *
 * @param early      spike time of the value 0
 * @param late       spike time of the value 1
 * @param biasTimes  times of extra always-present input spikes (may be empty)
 * @param replicas   each input is repeated this many times, tiled as [x1..xn, x1..xn, ...]
 *                   (the hardware setup's 5 copies of each input)
 */
public record LatencyEncoding(double early, double late, double[] biasTimes, int replicas) {
    public LatencyEncoding {
        if (!(late > early) || !Double.isFinite(early) || !Double.isFinite(late)) {
            throw new IllegalArgumentException("encoding needs finite early < late, got " + early + ", " + late);
        }
        biasTimes = biasTimes == null ? new double[0] : biasTimes.clone();
        if (replicas < 1) {
            throw new IllegalArgumentException("encoding replicas must be >= 1, got " + replicas);
        }
    }

    public static LatencyEncoding delGrad() {
        return new LatencyEncoding(0.15, 2.0, new double[0], 1);
    }

    /** Number of input lines produced for {@code features} values. */
    public int width(int features) {
        return features * replicas + biasTimes.length;
    }

    public double[] encode(double[] values) {
        double[] out = new double[width(values.length)];
        int k = 0;
        for (int r = 0; r < replicas; r++) {
            for (double v : values) {
                out[k++] = early + v * (late - early);
            }
        }
        for (double b : biasTimes) {
            out[k++] = b;
        }
        return out;
    }
}
