package io.delaynet.data.mnist;

/**
 * Brightness to spike latency, as in the delay-only reference: a pixel spikes once, brighter
 * pixels earlier. The brightness range is cut into {@code levels} equal bins (three in the
 * reference: [2/3, 1) spikes at step 0, [1/3, 2/3) at step 1, (0, 1/3) at step 2); a black pixel
 * is silent.
 *
 * <p>Two details are kept exactly as the reference computes them, because they decide where the
 * bin edges fall for the 8-bit values: the brightness is {@code byte / 255} in single precision and
 * the edges are {@code 1 - k/levels} rounded to single precision, so byte 170 (exactly 2/3) lands
 * in the brightest bin and byte 85 in the middle one. And the reference's top bin is half-open,
 * so a fully saturated pixel (255) is silent; {@code spikeSaturated} fixes that quirk by giving it
 * a step-0 spike instead.
 */
public final class LatencyEncoder {
    /** No spike for this pixel. */
    public static final int SILENT = -1;

    private final int steps;
    private final int levels;
    private final boolean spikeSaturated;
    private final int[] stepOfByte = new int[256];

    /**
     * @param steps          simulation length T; every spike step must fit, so steps >= levels
     * @param levels         number of brightness bins (the reference's 3)
     * @param spikeSaturated whether brightness 255 spikes at step 0 (false = reference quirk: silent)
     */
    public LatencyEncoder(int steps, int levels, boolean spikeSaturated) {
        if (levels < 1) {
            throw new IllegalArgumentException("encoding levels must be >= 1, got " + levels);
        }
        if (steps < levels) {
            throw new IllegalArgumentException("encoding needs at least as many steps (" + steps
                    + ") as brightness levels (" + levels + ")");
        }
        this.steps = steps;
        this.levels = levels;
        this.spikeSaturated = spikeSaturated;
        float[] edges = new float[levels + 1];
        double stepSize = -1.0 / levels; // numpy.linspace(1, 0, levels + 1) computes start + k * step
        for (int k = 0; k < levels; k++) {
            edges[k] = (float) (1.0 + k * stepSize);
        }
        edges[levels] = 0f;
        for (int b = 0; b < 256; b++) {
            float p = b / 255f;
            int step = SILENT;
            for (int k = 0; k < levels && step == SILENT; k++) {
                if (p > 0f && p < edges[k] && p >= edges[k + 1]) {
                    step = k;
                }
            }
            if (b == 255 && spikeSaturated) {
                step = 0;
            }
            stepOfByte[b] = step;
        }
    }

    /** The step at which a pixel of this brightness (0-255) spikes, or {@link #SILENT}. */
    public int spikeStep(int brightness) {
        return stepOfByte[brightness];
    }

    public int steps() {
        return steps;
    }

    public int levels() {
        return levels;
    }

    public boolean spikeSaturated() {
        return spikeSaturated;
    }
}
