package io.delaynet.data.audio;

/**
 * One leaky integrate-and-fire neuron per channel, the spike generator at the end of the front end:
 *
 * <pre>
 *   v[n] = β v[n-1] + (1 - β) · gain · d[n],   β = exp(-1 / (fs τ))
 *   v[n] ≥ 1  →  spike at time n / fs, v ← 0, and the neuron ignores its input for the refractory time
 * </pre>
 *
 * <p>For a constant drive D the membrane settles at gain·D, so the neuron fires only while
 * gain·D &gt; 1: the threshold doubles as a noise floor, and quiet channels stay silent. A strong drive
 * fires at most once per refractory period plus the integration time. Immutable; membrane state is
 * kept in a {@link State} per recording.
 */
public final class LifSpikeGenerator {
    private final float decay;
    private final float inputScale;
    private final int refractorySamples;
    private final float secondsPerSample;

    public LifSpikeGenerator(CochleaSettings settings) {
        double beta = Math.exp(-1.0 / (settings.sampleRate() * settings.tauMembrane()));
        decay = (float) beta;
        inputScale = (float) ((1 - beta) * settings.gain());
        refractorySamples = (int) Math.round(settings.refractory() * settings.sampleRate());
        secondsPerSample = 1f / settings.sampleRate();
    }

    public State newState(int channels) {
        return new State(channels);
    }

    /** Advances every channel by one sample of {@code drive} and records spikes at sample index {@code n}. */
    public void step(State s, float[] drive, int n, SpikeEvents.Builder out) {
        float[] v = s.membrane;
        int[] dead = s.refractoryLeft;
        for (int c = 0; c < drive.length; c++) {
            if (dead[c] > 0) {
                dead[c]--;
                continue;
            }
            float vc = decay * v[c] + inputScale * drive[c];
            if (vc >= 1f) {
                out.add(n * secondsPerSample, c);
                vc = 0f;
                dead[c] = refractorySamples;
            }
            v[c] = vc;
        }
    }

    /** Membrane potentials and remaining dead time, one entry per channel. */
    public static final class State {
        final float[] membrane;
        final int[] refractoryLeft;

        State(int channels) {
            membrane = new float[channels];
            refractoryLeft = new int[channels];
        }
    }
}
