package io.delaynet.hardware.calibration;

/**
 * How the delay calibration probes the chip.
 *
 * @param repeats        runs of every probe network, averaged (trial noise differs between them)
 * @param probeThreshold nominal threshold of the neurons while probing: low enough that one input of
 *                       {@code probeWeight} makes a neuron spike, which the working threshold may not
 * @param probeWeight    weight of every probe synapse; one the chip can hold (its largest, typically)
 * @param perSynapse     measure every synapse's delay on its own (a chip that realises delays per
 *                       synapse) rather than one value per delay element of the layer's kind
 */
public record CalibrationSettings(int repeats, double probeThreshold, double probeWeight, boolean perSynapse) {
    /** Input spikes are injected at this time: on any clock of period 0.01, 0.05, 0.1, ... */
    static final double INJECTION_TIME = 1.0;

    public CalibrationSettings {
        if (repeats < 1) {
            throw new IllegalArgumentException("chip.repeats must be >= 1, got " + repeats);
        }
        if (!(probeThreshold > 0) || Double.isInfinite(probeThreshold)) {
            throw new IllegalArgumentException("chip.probe_threshold must be a number > 0, got " + probeThreshold);
        }
        if (!(probeWeight > 0) || Double.isInfinite(probeWeight)) {
            throw new IllegalArgumentException("chip.probe_weight must be a number > 0, got " + probeWeight);
        }
    }
}
