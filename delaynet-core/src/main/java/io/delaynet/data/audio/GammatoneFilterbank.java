package io.delaynet.data.audio;

/**
 * A bank of 4th-order gammatone filters, each built as four identical complex one-pole filters in
 * cascade (the all-pole gammatone). Per channel, with pole a = exp(-2π b / fs) · exp(i 2π f / fs),
 * r = |a| and b = 1.019 ERB(f):
 *
 * <pre>
 *   w0[n] = κ x[n]                                  (κ ≈ 1, see below)
 *   wk[n] = a · wk[n-1] + (1 - r) · w(k-1)[n]      k = 1..4
 *   y[n]  = 2 · Re w4[n]
 * </pre>
 *
 * <p>Each stage has gain exactly 1 at the centre frequency. Taking the real part lets the
 * negative-frequency image of the input through as well, which matters only near Nyquist (the 3.8 kHz
 * channel sees its image at 4.2 kHz, inside its passband), so the input of each channel is scaled by
 * 1 / |1 + conj(H(-f))|: a sinusoid at any channel's centre frequency comes out with its own amplitude.
 * The impulse response is then 2 κ (1-r)^4 C(n+3, 3) r^n cos(2π f n / fs) with that factor κ, which is
 * the sampled gammatone t³ e^{-2π b t} cos(2π f t) up to the n³ vs (n+1)(n+2)(n+3) factor.
 *
 * <p>Cost is a fixed 4 complex multiply-adds per channel and sample, whatever the bandwidth, where
 * a direct convolution with the impulse response costs its length (hundreds of taps for the low
 * channels); {@link DirectGammatone} is that reference. This class is immutable; the filter memory
 * lives in a {@link State}, one per recording being filtered, so threads never share it.
 */
public final class GammatoneFilterbank {
    static final int STAGES = 4;
    /** Glasberg &amp; Moore's factor that makes a 4th-order gammatone's ERB equal ERB(f). */
    static final double BANDWIDTH_PER_ERB = 1.019;

    private final int sampleRate;
    private final double[] centres;
    private final KernelKind kind;
    private final FrontEndKernel kernel;
    private final float[] poleRe;
    private final float[] poleIm;
    private final float[] inputGain;
    private final float[] stageGain;

    public GammatoneFilterbank(int sampleRate, double[] centreFrequencies, KernelKind kind) {
        this.sampleRate = sampleRate;
        this.centres = centreFrequencies.clone();
        this.kind = kind;
        this.kernel = kind.create();
        int n = centres.length;
        poleRe = new float[n];
        poleIm = new float[n];
        inputGain = new float[n];
        stageGain = new float[n];
        for (int c = 0; c < n; c++) {
            double r = poleRadius(c);
            double theta = 2 * Math.PI * centres[c] / sampleRate;
            poleRe[c] = (float) (r * Math.cos(theta));
            poleIm[c] = (float) (r * Math.sin(theta));
            stageGain[c] = (float) (1 - r);
            inputGain[c] = (float) ((1 - r) * imageCorrection(c));
        }
    }

    /** The bank the settings describe, on the fastest kernel this JVM offers. */
    public static GammatoneFilterbank of(CochleaSettings settings) {
        return of(settings, KernelKind.fastestAvailable());
    }

    public static GammatoneFilterbank of(CochleaSettings settings, KernelKind kind) {
        return new GammatoneFilterbank(settings.sampleRate(), settings.centreFrequencies(), kind);
    }

    public int channels() {
        return centres.length;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public double centreFrequency(int channel) {
        return centres[channel];
    }

    public KernelKind kernelKind() {
        return kind;
    }

    /** The kernel instance, shared with the encoder for its rectify-and-compress loop. */
    FrontEndKernel kernel() {
        return kernel;
    }

    /** r = exp(-2π · 1.019 ERB(f) / fs): how fast the channel's ringing decays per sample. */
    double poleRadius(int channel) {
        double b = BANDWIDTH_PER_ERB * ErbScale.bandwidth(centres[channel]);
        return Math.exp(-2 * Math.PI * b / sampleRate);
    }

    /**
     * κ = 1 / |1 + conj(H(-f))|, where H(-f) = [(1-r) / (1 - r e^{2iθ})]^4 is the complex cascade's
     * response at the negative centre frequency: the real output's gain at f is |1 + conj(H(-f))|.
     */
    double imageCorrection(int channel) {
        double r = poleRadius(channel);
        double twoTheta = 4 * Math.PI * centres[channel] / sampleRate;
        // 1 - r e^{2iθ}, then (1-r)/that, raised to the 4th power in polar form.
        double re = 1 - r * Math.cos(twoTheta);
        double im = -r * Math.sin(twoTheta);
        double magnitude = Math.pow((1 - r) / Math.hypot(re, im), STAGES);
        double phase = -STAGES * Math.atan2(im, re);
        double imageRe = magnitude * Math.cos(phase);
        double imageIm = magnitude * Math.sin(phase);
        return 1 / Math.hypot(1 + imageRe, -imageIm);
    }

    /** Fresh filter memory (all zero: the recording starts from silence). */
    public State newState() {
        return new State(new float[2 * STAGES * centres.length]);
    }

    /** Filters one input sample through every channel: {@code out[c]} receives channel c's output. */
    public void step(State state, float x, float[] out) {
        kernel.filterStep(poleRe, poleIm, inputGain, stageGain, state.memory, x, out);
    }

    /** Filters a whole clip; result[t][c]. Convenient for tests and plots, not for the encoder's hot loop. */
    public float[][] filter(AudioClip clip) {
        State s = newState();
        float[][] out = new float[clip.length()][centres.length];
        for (int t = 0; t < clip.length(); t++) {
            step(s, clip.sample(t), out[t]);
        }
        return out;
    }

    /**
     * The filter memory of one pass: real and imaginary parts of the four stages per channel, laid out
     * as memory[(2 · stage + part) · channels + channel] so a kernel reads consecutive channels at once.
     */
    public static final class State {
        final float[] memory;

        State(float[] memory) {
            this.memory = memory;
        }
    }
}
