package io.delaynet.nir;

import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Neighbourhood aggregation's filtered LIF ({@link Neuron.FilteredLif}) in standard NIR nodes.
 * The engine's step is {@code I <- a I + x / tauSyn}, {@code v <- b v' + I}, spike at
 * {@code v >= theta}, {@code v' = v (1 - s)}, with the first-order decays {@code a = 1 - 1/tauSyn}
 * and {@code b = 1 - 1/tauMem} (steps). That is CubaLIF's recursion; only the decays are not of
 * the form {@code exp(-1/tau)} in the engine's time constants. So the NIR time constants are chosen
 * to give those decays: {@code tau = dt / -ln(1 - 1/tauSteps)} seconds, whose held-input exact step
 * ({@link NirSimulation.Integration#EXACT}) decays by {@code exp(-dt/tau) = 1 - 1/tauSteps}; the
 * gains {@code w_in = (1/tauSyn) / (1 - a)} (= 1) and {@code r = 1 / (1 - b)} (= tauMem) undo the
 * held input's {@code 1 - e}. Reset to zero is NIR's {@code v_reset = 0}. A decay of 0 (a time
 * constant of one step) or 1 (an infinite membrane time constant) has no finite NIR time constant,
 * so those populations take other nodes:
 * <pre>
 *   tauSyn > 1, 1 < tauMem < inf : P (CubaLIF)
 *   tauSyn = 1, 1 < tauMem < inf : P (LIF)            the current is the input
 *   tauSyn = 1, tauMem = inf     : P (IF, r = 1/dt)
 *   tauSyn = 1, tauMem = 1       : P (Threshold)      v = I, nothing carries over
 *   tauSyn > 1, tauMem = inf     : P.current (LI) -> P (IF)
 *   tauSyn > 1, tauMem = 1       : P.current (LI) -> P (Threshold)
 * </pre>
 * The node named P carries {@value NirNames#NEURON} {@code = filtered_lif} and the time constants
 * in steps ({@link NirNames#TAU_SYN_STEPS}, {@link NirNames#TAU_MEM_STEPS}), so import gives the
 * same neuron back (the single-node forms; the two-node forms are refused with a one-line error).
 */
final class NirFilteredLif {
    /** The metadata value of {@link NirNames#NEURON} on a filtered LIF's node. */
    static final String FILTERED_LIF = "filtered_lif";

    private NirFilteredLif() {
    }

    static String currentName(String population) {
        return population + ".current";
    }

    /** Whether {@code f} is written with a separate current node (which its projections then go into). */
    static boolean split(Neuron.FilteredLif f) {
        return f.tauSyn() > 1 && (f.tauMem() == 1 || Double.isInfinite(f.tauMem()));
    }

    /** NIR's time constant in seconds whose exact step decays by {@code 1 - 1/steps} (steps > 1, finite). */
    static double seconds(double steps, double dt) {
        return dt / -Math.log1p(-1 / steps);
    }

    /** {@code 1 / (1 - exp(-dt / tau))} as the simulator computes the decay. */
    private static double undo(double dt, double tau) {
        return 1 / (1 - Math.exp(-dt / tau));
    }

    /** Adds the nodes and internal edges of filtered-LIF population {@code p} (steps of {@code dt} seconds). */
    static void export(Population p, Neuron.FilteredLif f, double dt, List<NirNode> nodes, List<NirGraph.Edge> edges) {
        int n = p.size();
        String name = p.name();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(NirNames.NEURON, FILTERED_LIF);
        meta.put(NirNames.TAU_SYN_STEPS, Double.toString(f.tauSyn()));
        meta.put(NirNames.TAU_MEM_STEPS, Double.toString(f.tauMem()));
        boolean filtered = f.tauSyn() > 1;
        boolean leaky = f.tauMem() > 1 && !Double.isInfinite(f.tauMem());
        double tauSyn = filtered ? seconds(f.tauSyn(), dt) : 0;
        double tauMem = leaky ? seconds(f.tauMem(), dt) : 0;
        Map<String, NirTensor> params = new LinkedHashMap<>();
        if (filtered && leaky) {
            params.put("tau_syn", NirTensor.filled(n, tauSyn));
            params.put("tau_mem", NirTensor.filled(n, tauMem));
            params.put("r", NirTensor.filled(n, undo(dt, tauMem)));
            params.put("v_leak", NirTensor.filled(n, 0));
            params.put("v_threshold", NirTensor.filled(n, f.threshold()));
            params.put("v_reset", NirTensor.filled(n, 0));
            params.put("w_in", NirTensor.filled(n, (1 / f.tauSyn()) * undo(dt, tauSyn)));
            nodes.add(new NirNode(name, "CubaLIF", params, meta));
            return;
        }
        if (filtered) {
            Map<String, NirTensor> li = new LinkedHashMap<>();
            li.put("tau", NirTensor.filled(n, tauSyn));
            li.put("r", NirTensor.filled(n, (1 / f.tauSyn()) * undo(dt, tauSyn)));
            li.put("v_leak", NirTensor.filled(n, 0));
            nodes.add(new NirNode(currentName(name), "LI", li, Map.of(NirNames.NEURON, FILTERED_LIF)));
            edges.add(new NirGraph.Edge(currentName(name), name));
        }
        if (leaky) {
            params.put("tau", NirTensor.filled(n, tauMem));
            params.put("r", NirTensor.filled(n, undo(dt, tauMem)));
            params.put("v_leak", NirTensor.filled(n, 0));
            params.put("v_threshold", NirTensor.filled(n, f.threshold()));
            params.put("v_reset", NirTensor.filled(n, 0));
            nodes.add(new NirNode(name, "LIF", params, meta));
        } else if (f.tauMem() == 1) {
            params.put("threshold", NirTensor.filled(n, f.threshold()));
            nodes.add(new NirNode(name, "Threshold", params, meta));
        } else {
            params.put("r", NirTensor.filled(n, 1 / dt));
            params.put("v_threshold", NirTensor.filled(n, f.threshold()));
            params.put("v_reset", NirTensor.filled(n, 0));
            nodes.add(new NirNode(name, "IF", params, meta));
        }
    }

    static boolean marked(NirNode n) {
        return FILTERED_LIF.equals(n.metadata().get(NirNames.NEURON));
    }

    /**
     * The filtered LIF of a marked single node (CubaLIF, LIF or IF); {@code gain} receives, per
     * neuron, what the node multiplies its input by relative to the engine's neuron ({@code computed},
     * the gain of the node read as the neuron of its NIR type, times tauSyn). The two-node forms
     * and a marked Threshold are a one-line error.
     */
    static Neuron.FilteredLif neuron(NirNode n, double theta, double[] gain) {
        if (!n.type().equals("CubaLIF") && !n.type().equals("LIF") && !n.type().equals("IF")) {
            throw refused(n);
        }
        double tauSyn = steps(n, NirNames.TAU_SYN_STEPS);
        double tauMem = steps(n, NirNames.TAU_MEM_STEPS);
        for (int j = 0; j < gain.length; j++) {
            double g = gain[j] * tauSyn;
            gain[j] = Math.abs(g - 1) < 1e-12 ? 1 : g;
        }
        return new Neuron.FilteredLif(tauSyn, tauMem, theta);
    }

    static NirException refused(NirNode n) {
        return new NirException("NIR node '" + n.name() + "' (" + n.type() + ") is part of a filtered LIF with a time "
                + "constant of one step or an infinite membrane time constant, written as Threshold or LI -> IF/Threshold, which "
                + "import does not rebuild", "import filtered LIF populations with 1 < tau_mem < inf, or run the file "
                + "with 'delaynet nir run'");
    }

    private static double steps(NirNode n, String key) {
        String v = n.metadata().get(key);
        if (v == null) {
            throw new NirException("NIR node '" + n.name() + "' is marked filtered_lif but has no " + key + " metadata",
                    "the file was not written by delaynet");
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new NirException("NIR node '" + n.name() + "' has " + key + " = '" + v + "'", "it is a number of steps");
        }
    }
}
