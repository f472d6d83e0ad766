package io.delaynet.event;

/**
 * Samples already encoded as input spike times, with their labels.
 *
 * @param inputs [samples][input lines] spike times (+inf = no spike)
 * @param labels [samples] class indices
 */
public record SpikeData(double[][] inputs, int[] labels) {
    public static final SpikeData EMPTY = new SpikeData(new double[0][], new int[0]);

    public SpikeData {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }
}
