package io.delaynet.data.audio;

/**
 * A mono recording: samples scaled to [-1, 1) and their rate. The array is owned by the clip;
 * callers read it through {@link #sample(int)} or take a copy.
 */
public final class AudioClip {
    private final int sampleRate;
    private final float[] samples;

    AudioClip(int sampleRate, float[] samples) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.samples = samples;
    }

    /** A clip holding a copy of {@code samples}. */
    public static AudioClip of(int sampleRate, float[] samples) {
        return new AudioClip(sampleRate, samples.clone());
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int length() {
        return samples.length;
    }

    public float sample(int i) {
        return samples[i];
    }

    public float[] samplesCopy() {
        return samples.clone();
    }

    /** Length in seconds. */
    public double duration() {
        return samples.length / (double) sampleRate;
    }

    /** Largest absolute sample value (0 for an all-zero clip). */
    public float peak() {
        float peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }
}
