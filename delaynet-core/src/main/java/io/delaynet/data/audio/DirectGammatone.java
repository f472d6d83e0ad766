package io.delaynet.data.audio;

/**
 * The same filterbank as {@link GammatoneFilterbank}, computed the naive way: convolution with each
 * channel's impulse response, truncated where its envelope falls below 1e-4 of its peak. It exists
 * as a correctness reference for tests and as the speed baseline of {@code delaynet bench audio}.
 */
public final class DirectGammatone {
    private static final double TRUNCATE_BELOW = 1e-4;

    private final float[][] kernels;

    public DirectGammatone(GammatoneFilterbank bank) {
        kernels = new float[bank.channels()][];
        for (int c = 0; c < bank.channels(); c++) {
            kernels[c] = impulseResponse(bank, c);
        }
    }

    /**
     * h[n] = 2 κ (1-r)^4 C(n+3, 3) r^n cos(θ n): the response of four cascaded one-pole stages
     * (1-r)/(1 - a z^-1) to an impulse of height κ, real part doubled.
     */
    static float[] impulseResponse(GammatoneFilterbank bank, int channel) {
        double r = bank.poleRadius(channel);
        double theta = 2 * Math.PI * bank.centreFrequency(channel) / bank.sampleRate();
        double g4 = bank.imageCorrection(channel) * Math.pow(1 - r, GammatoneFilterbank.STAGES);
        // The envelope C(n+3,3) r^n peaks near n = 3 / -ln r; stop once it has decayed past the tail threshold.
        int peakAt = (int) Math.ceil(3 / -Math.log(r));
        double peak = envelope(peakAt, r);
        int length = peakAt;
        while (envelope(length, r) > TRUNCATE_BELOW * peak) {
            length++;
        }
        float[] h = new float[length];
        for (int n = 0; n < length; n++) {
            h[n] = (float) (2 * g4 * envelope(n, r) * Math.cos(theta * n));
        }
        return h;
    }

    private static double envelope(int n, double r) {
        return (n + 1.0) * (n + 2.0) * (n + 3.0) / 6.0 * Math.pow(r, n);
    }

    public int kernelLength(int channel) {
        return kernels[channel].length;
    }

    /** Filters a whole clip; result[t][c], same layout as {@link GammatoneFilterbank#filter}. */
    public float[][] filter(AudioClip clip) {
        int length = clip.length();
        float[] x = clip.samplesCopy();
        float[][] out = new float[length][kernels.length];
        for (int c = 0; c < kernels.length; c++) {
            float[] h = kernels[c];
            for (int t = 0; t < length; t++) {
                float acc = 0;
                int taps = Math.min(h.length, t + 1);
                for (int k = 0; k < taps; k++) {
                    acc += h[k] * x[t - k];
                }
                out[t][c] = acc;
            }
        }
        return out;
    }
}
