package io.delaynet.hardware;

/**
 * The spike times a backend reports for one sample: index 0 holds the input times as they were
 * injected (a chip may have moved them onto its clock), index l the first spike time of every
 * neuron of layer l (+inf for a neuron that stayed silent). Times only, by design.
 */
public record SpikeRecord(double[][] times) {

    public int layerCount() {
        return times.length - 1;
    }

    /** Spike times of layer l (0 = injected inputs); live view. */
    public double[] layer(int l) {
        return times[l];
    }

    /** Spike times of the output layer; live view. */
    public double[] output() {
        return times[times.length - 1];
    }
}
