package io.delaynet.nir;

import io.delaynet.model.Connection;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import java.util.List;

/**
 * The inverse of {@link NirExport}'s event-driven mapping, for graphs that say
 * {@code delaynet.spikes = dirac}: a CubaLIF node with {@code delaynet.first_spike = true} is the
 * event engine's first-spike LIF with {@code tauSyn = tau_syn / u}, {@code tauMem = tau_mem / u}
 * and {@code threshold = v_threshold} (u = the graph's {@code delaynet.time_unit}); a Dirac spike
 * of weight w raises its current by {@code r w_in w / (tau_syn tauMem)} in the engine's units,
 * so that gain (1 for delaynet's own exports: {@code r = tauMem}, {@code w_in = tau_syn}) is
 * folded into the incoming weights. Delays are the continuous ones written, in units of u.
 */
final class NirEventImport {
    private NirEventImport() {
    }

    /** Within rounding of a whole number: that number (so 2e-3 s / 1e-3 s comes back as 2, not 2.0000000000000004). */
    private static double whole(double v) {
        double near = Math.rint(v);
        return Math.abs(v - near) < 1e-12 * Math.max(1, Math.abs(near)) ? near : v;
    }

    static Neuron neuron(NirNode n, int size, double unit, double[] gain) {
        if (!n.type().equals("CubaLIF") || !"true".equals(n.metadata().get(NirNames.FIRST_SPIKE))) {
            throw new NirException("NIR node '" + n.name() + "' (" + n.type() + ") of an event-driven export is not a "
                    + "first-spike CubaLIF", "event-driven exports hold CubaLIF nodes with delaynet.first_spike = true");
        }
        double tauSyn = one(n, "tau_syn", size);
        double tauMem = one(n, "tau_mem", size);
        double threshold = one(n, "v_threshold", size);
        for (String zero : List.of("v_leak", "v_reset")) {
            for (double v : n.perNeuron(zero, size, 0.0)) {
                if (v != 0) {
                    throw new NirException("NIR node '" + n.name() + "' (CubaLIF) has " + zero + " = " + v,
                            "the event engine's neurons have " + zero + " = 0");
                }
            }
        }
        double[] r = n.perNeuron("r", size, 1.0);
        double[] wIn = n.perNeuron("w_in", size, 1.0);
        double ts = whole(tauSyn / unit);
        double tm = whole(tauMem / unit);
        for (int j = 0; j < size; j++) {
            double g = r[j] * wIn[j] / (tauSyn * tm);
            gain[j] = Math.abs(g - 1) < 1e-12 ? 1 : g;
        }
        return new Neuron.FirstSpikeLif(ts, tm, threshold);
    }

    private static double one(NirNode n, String key, int size) {
        double[] v = n.perNeuron(key, size, null);
        for (double x : v) {
            if (x != v[0]) {
                throw new NirException("NIR node '" + n.name() + "' (CubaLIF) has " + key + " varying across neurons",
                        "the event engine gives all neurons one " + key);
            }
        }
        return v[0];
    }

    /** What the event engine runs: feed-forward layers, one projection each, all with one neuron model. */
    static void check(List<Population> populations, List<Connection> connections) {
        Population first = null;
        for (Population p : populations) {
            if (p.isSource()) {
                continue;
            }
            if (first != null && !first.neuron().equals(p.neuron())) {
                throw new NirException("the event-driven export's populations " + first.name() + " and " + p.name()
                        + " have different neurons", "the event engine gives every layer one neuron model");
            }
            first = first == null ? p : first;
            List<Connection> into = connections.stream().filter(c -> c.to().equals(p.name())).toList();
            if (into.size() != 1 || into.get(0).recurrent()) {
                throw new NirException("population " + p.name() + " of the event-driven export is fed by " + into.size()
                        + " projections" + (into.size() == 1 ? " (recurrent)" : ""), "the event engine runs a chain of "
                        + "feed-forward layers");
            }
        }
    }
}
