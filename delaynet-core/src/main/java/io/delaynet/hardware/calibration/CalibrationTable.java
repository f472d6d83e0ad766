package io.delaynet.hardware.calibration;

import io.delaynet.delay.DelayKind;
import java.util.List;
import java.util.Locale;

/**
 * The measured delays of every delay element of a network on a backend: per layer with delays,
 * per element its requested delay, the measured one, the measurement's standard error and how many
 * probe runs went into it; and per synapse the correction (measured minus requested) that the
 * host's model adds to the delay it would otherwise assume.
 */
public record CalibrationTable(List<Layer> layers) {
    public CalibrationTable {
        layers = List.copyOf(layers);
    }

    /**
     * One layer's measurement.
     *
     * @param index         the layer (0 = fed by the inputs)
     * @param kind          the layer's delay kind
     * @param perSynapse    whether each synapse was measured on its own (else one value per element)
     * @param pre           presynaptic neurons
     * @param post          postsynaptic neurons
     * @param requested     per element, the delay requested from the chip
     * @param measured      per element, the delay measured
     * @param standardError per element, the standard error of the measured delay
     * @param runs          per element, the probe runs with a spike that it is averaged from
     * @param corrections   per synapse (post-major), measured minus requested delay of its element
     */
    public record Layer(int index, DelayKind kind, boolean perSynapse, int pre, int post, double[] requested,
                        double[] measured, double[] standardError, int[] runs, double[] corrections) {

        public int elements() {
            return measured.length;
        }

        /** Where element e sits: {pre, post}, -1 for "all" (an axonal element feeds every neuron). */
        public int[] position(int e) {
            if (perSynapse || kind == DelayKind.SYNAPTIC) {
                return new int[] {e % pre, e / pre};
            }
            return kind == DelayKind.AXONAL ? new int[] {e, -1} : new int[] {-1, e};
        }
    }

    /** The layer with index {@code layer}, or null when it has no delays. */
    public Layer layer(int layer) {
        for (Layer l : layers) {
            if (l.index() == layer) {
                return l;
            }
        }
        return null;
    }

    /** One row per element: layer, kind, pre, post, requested, measured, offset, standard error, runs. */
    public String csv() {
        StringBuilder out = new StringBuilder("layer,kind,pre,post,requested,measured,offset,standard_error,runs\n");
        for (Layer l : layers) {
            for (int e = 0; e < l.elements(); e++) {
                int[] at = l.position(e);
                out.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%.6f,%.6f,%.6f,%.6f,%d%n", l.index(),
                        l.kind().name().toLowerCase(Locale.ROOT), at[0] < 0 ? "all" : at[0], at[1] < 0 ? "all" : at[1],
                        l.requested()[e], l.measured()[e], l.measured()[e] - l.requested()[e], l.standardError()[e],
                        l.runs()[e]));
            }
        }
        return out.toString();
    }

    /** Per layer: how many elements, and the mean, sd and largest size of the measured offsets. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        for (Layer l : layers) {
            double sum = 0;
            double sumSq = 0;
            double largest = 0;
            double worstError = 0;
            for (int e = 0; e < l.elements(); e++) {
                double offset = l.measured()[e] - l.requested()[e];
                sum += offset;
                sumSq += offset * offset;
                largest = Math.max(largest, Math.abs(offset));
                worstError = Math.max(worstError, l.standardError()[e]);
            }
            int n = l.elements();
            double mean = sum / n;
            double sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0;
            out.append(String.format(Locale.ROOT,
                    "layer %d (%s, %d %s): offset mean %+.4f, sd %.4f, largest %.4f tau_s; standard error <= %.4f%n",
                    l.index(), l.kind().name().toLowerCase(Locale.ROOT), n,
                    l.perSynapse() ? "synapses" : "delay elements", mean, sd, largest, worstError));
        }
        return out.toString();
    }
}
