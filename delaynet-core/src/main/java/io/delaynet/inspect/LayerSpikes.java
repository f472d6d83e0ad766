package io.delaynet.inspect;

/**
 * The spikes of one layer of neurons (or the input) for one sample.
 *
 * @param name       e.g. "input", "layer 1", "layer 2 (output)"
 * @param spikeTimes per neuron, its spike times in ascending order; an empty array for a silent neuron
 */
public record LayerSpikes(String name, double[][] spikeTimes) {
    public int size() {
        return spikeTimes.length;
    }

    public int silentNeurons() {
        int n = 0;
        for (double[] t : spikeTimes) {
            n += t.length == 0 ? 1 : 0;
        }
        return n;
    }

    /** One spike per neuron, +inf meaning silent: the time-to-first-spike form. */
    public static LayerSpikes ofFirstSpikes(String name, double[] times) {
        double[][] out = new double[times.length][];
        for (int j = 0; j < times.length; j++) {
            out[j] = Double.isFinite(times[j]) ? new double[] {times[j]} : new double[0];
        }
        return new LayerSpikes(name, out);
    }

    /** The conventional name of layer {@code layer} of {@code layers}: "input" for 0, "layer l", "layer L (output)". */
    public static String layerName(int layer, int layers) {
        if (layer == 0) {
            return "input";
        }
        return layer == layers ? "layer " + layer + " (output)" : "layer " + layer;
    }
}
