package io.delaynet.data.audio;

import java.util.Locale;

/**
 * Every number that shapes the audio-to-spikes front end; see docs/audio-frontend.md for the
 * equations. Immutable, and {@link #canonical()} is its identity in cache keys, so two runs with
 * equal settings share one cache file.
 *
 * @param sampleRate   Hz the recordings must have
 * @param channels     number of gammatone filters (one spiking unit each)
 * @param lowHz        centre frequency of the lowest filter
 * @param highHz       centre frequency of the highest filter (below Nyquist)
 * @param compression  how rectified filter output is compressed before it drives the neuron
 * @param gain         drive of the neuron per unit of compressed output
 * @param tauMembrane  LIF membrane time constant, seconds
 * @param refractory   LIF dead time after a spike, seconds
 */
public record CochleaSettings(int sampleRate, int channels, double lowHz, double highHz, Compression compression,
                              double gain, double tauMembrane, double refractory) {

    /** 64 channels from 50 Hz to 3.8 kHz for 8 kHz speech; see docs/audio-frontend.md for how they were chosen. */
    public static final CochleaSettings DEFAULT =
            new CochleaSettings(8000, 64, 50, 3800, Compression.CUBE_ROOT, 12.0, 0.005, 0.001);

    public CochleaSettings {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1: " + channels);
        }
        if (!(lowHz > 0 && highHz >= lowHz && highHz < sampleRate / 2.0)) {
            throw new IllegalArgumentException("need 0 < lowHz <= highHz < sampleRate/2, got " + lowHz + ", "
                    + highHz + " at " + sampleRate + " Hz");
        }
        if (!(gain > 0 && tauMembrane > 0 && refractory >= 0)) {
            throw new IllegalArgumentException("gain and tauMembrane must be positive, refractory non-negative");
        }
        java.util.Objects.requireNonNull(compression, "compression");
    }

    public CochleaSettings withChannels(int count) {
        return new CochleaSettings(sampleRate, count, lowHz, highHz, compression, gain, tauMembrane, refractory);
    }

    /** A stable text form (fixed locale and field order) for checksums and reports. */
    public String canonical() {
        return String.format(Locale.ROOT, "cochlea/v1 rate=%d channels=%d low=%.6f high=%.6f compression=%s gain=%.6f"
                + " tau=%.9f refractory=%.9f", sampleRate, channels, lowHz, highHz, compression, gain, tauMembrane,
                refractory);
    }

    /** Filter centre frequencies, lowest first. */
    public double[] centreFrequencies() {
        return ErbScale.centreFrequencies(channels, lowHz, highHz);
    }
}
