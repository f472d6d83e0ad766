package io.delaynet.data.audio;

/**
 * Turns a recording into spikes: level normalisation, gammatone filterbank, half-wave rectification
 * and compression (the inner hair cell), and one LIF neuron per channel. Deterministic: the same clip
 * and settings give the same events, bit for bit, on any thread. Immutable and thread-safe; each
 * call keeps its filter and membrane state on its own stack.
 */
public final class CochleaEncoder {
    private final CochleaSettings settings;
    private final GammatoneFilterbank filterbank;
    private final LifSpikeGenerator neurons;

    public CochleaEncoder(CochleaSettings settings) {
        this(settings, KernelKind.fastestAvailable());
    }

    /** An encoder whose inner loops run on {@code kernel}; the output does not depend on the choice. */
    public CochleaEncoder(CochleaSettings settings, KernelKind kernel) {
        this.settings = settings;
        this.filterbank = GammatoneFilterbank.of(settings, kernel);
        this.neurons = new LifSpikeGenerator(settings);
    }

    public CochleaSettings settings() {
        return settings;
    }

    public GammatoneFilterbank filterbank() {
        return filterbank;
    }

    /**
     * Encodes one clip; its sample rate must match the settings.
     *
     * <p>The clip is first scaled to peak 1, because FSDD's speakers were recorded at very different
     * levels and the class should not be read from the microphone gain.
     */
    public SpikeEvents encode(AudioClip clip) {
        if (clip.sampleRate() != settings.sampleRate()) {
            throw new IllegalArgumentException("clip has " + clip.sampleRate() + " Hz, encoder expects "
                    + settings.sampleRate() + " Hz");
        }
        int channels = settings.channels();
        float peak = clip.peak();
        float scale = peak > 0 ? 1f / peak : 0f;
        Compression compression = settings.compression();
        FrontEndKernel kernel = filterbank.kernel();
        GammatoneFilterbank.State filterState = filterbank.newState();
        LifSpikeGenerator.State neuronState = neurons.newState(channels);
        float[] motion = new float[channels];
        float[] drive = new float[channels];
        SpikeEvents.Builder events = new SpikeEvents.Builder(channels);
        for (int n = 0; n < clip.length(); n++) {
            filterbank.step(filterState, clip.sample(n) * scale, motion);
            // Half-wave rectification: hair cells are excited by motion in one direction only.
            kernel.rectifyCompress(compression, motion, drive);
            neurons.step(neuronState, drive, n, events);
        }
        return events.build((float) clip.duration());
    }
}
