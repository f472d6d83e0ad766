package io.delaynet.nir;

import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SLAYER's spike response model in standard NIR nodes. NIR has no SRM node, but the engine's SRM
 * ({@link Neuron.Srm}) is linear up to its threshold, and both of its kernels are alpha kernels
 * {@code k[m] = g m q^m} (m >= 1, {@code q = exp(-1/tau)}), the impulse response of two equal
 * first-order filters in cascade, one step late. A population P becomes four nodes:
 * <pre>
 *   (projections) -> P.psp (CubaLI) -> P.psp_delay (Delay, one step) -> P (Threshold) -> (projections)
 *                                                                       P <-> P.refractory (CubaLI)
 * </pre>
 * {@code P.psp} has {@code tau_syn = tau_mem = tauPsp·dt}, {@code w_in = 1/(1-q)} and
 * {@code r = q g / (1-q)}: integrated exactly with the input held over a step it computes
 * {@code q g} times the cascade {@code y2}, and the one-step Delay turns that into the engine's
 * {@code sum_{m>=1} g m q^m x[t-m]}. The refractory kernel ({@code g = -refractoryScale·θ·e/tauRef})
 * is the same filter on the neuron's own spikes; the cycle's edge back into the Threshold lags one
 * step, which is that filter's one-step lateness. Without a refractory response
 * ({@code refractoryScale = 0}) the loop is left out. The Threshold node carries the metadata
 * {@value NirNames#NEURON} {@code = srm}; import recognises the structure itself.
 */
final class NirSrm {
    /** The metadata value of {@link NirNames#NEURON} on an SRM's Threshold node. */
    static final String SRM = "srm";

    private NirSrm() {
    }

    static String pspName(String population) {
        return population + ".psp";
    }

    /** The node into which projections into an SRM population go. */
    static String entry(Population p) {
        return p.neuron() instanceof Neuron.Srm ? pspName(p.name()) : p.name();
    }

    private static double q(double tau) {
        return Math.exp(-1.0 / tau);
    }

    /** {@code 1/(1-q)}: the gain that undoes the held-input step's {@code 1 - q}. */
    private static double g(double tau) {
        return 1.0 / -Math.expm1(-1.0 / tau);
    }

    /** The CubaLI that computes {@code q·gain·y2} of its input (y2: the cascade of two filters of decay q). */
    private static NirNode alpha(String name, int n, double tauSteps, double gain, double stepSeconds) {
        Map<String, NirTensor> p = new LinkedHashMap<>();
        p.put("tau_syn", NirTensor.filled(n, tauSteps * stepSeconds));
        p.put("tau_mem", NirTensor.filled(n, tauSteps * stepSeconds));
        p.put("r", NirTensor.filled(n, g(tauSteps) * gain * q(tauSteps)));
        p.put("v_leak", NirTensor.filled(n, 0));
        p.put("w_in", NirTensor.filled(n, g(tauSteps)));
        return new NirNode(name, "CubaLI", p);
    }

    /** Adds the nodes and internal edges of SRM population {@code p} (time constants in steps of {@code stepSeconds}). */
    static void export(Population p, Neuron.Srm s, double stepSeconds, List<NirNode> nodes, List<NirGraph.Edge> edges) {
        int n = p.size();
        String name = p.name();
        String delay = name + ".psp_delay";
        nodes.add(alpha(pspName(name), n, s.tauPsp(), Math.E / s.tauPsp(), stepSeconds));
        nodes.add(new NirNode(delay, "Delay", Map.of("delay", NirTensor.filled(n, stepSeconds))));
        nodes.add(new NirNode(name, "Threshold", Map.of("threshold", NirTensor.filled(n, s.threshold())),
                Map.of(NirNames.NEURON, SRM)));
        edges.add(new NirGraph.Edge(pspName(name), delay));
        edges.add(new NirGraph.Edge(delay, name));
        if (s.refractoryScale() != 0) {
            String ref = name + ".refractory";
            double gain = -s.refractoryScale() * s.threshold() * Math.E / s.tauRefractory();
            nodes.add(alpha(ref, n, s.tauRefractory(), gain, stepSeconds));
            edges.add(new NirGraph.Edge(name, ref));
            edges.add(new NirGraph.Edge(ref, name));
        }
    }

    /**
     * An SRM population recognised in a graph.
     *
     * @param neuron  the engine's neuron
     * @param psp     the PSP node, into which its projections go
     * @param members the nodes it consists of (besides the Threshold node named after it)
     * @param gain    per neuron, the PSP gain relative to the engine's (folded into incoming weights)
     */
    record Group(Neuron.Srm neuron, String psp, List<String> members, double[] gain) {
    }

    /**
     * The SRM population whose Threshold node is {@code t}; a one-line error naming the node when
     * the nodes around it are not the structure {@link #export} writes.
     */
    static Group recognise(NirGraph graph, NirNode t, double dt) {
        int n = t.require("threshold").size();
        double theta = uniform(t, t.perNeuron("threshold", n, null), "threshold");
        String delay = null;
        String ref = null;
        for (String s : graph.sources(t.name())) {
            NirNode src = graph.node(s);
            if (src.type().equals("Delay") && delay == null) {
                delay = s;
            } else if (src.type().equals("CubaLI") && ref == null && graph.sources(s).equals(List.of(t.name()))) {
                ref = s;
            } else {
                throw shape(t, "its source '" + s + "' (" + src.type() + ") is neither the PSP's Delay nor the refractory loop");
            }
        }
        if (delay == null) {
            throw shape(t, "no Delay node feeds it");
        }
        NirNode d = graph.node(delay);
        for (double v : d.perNeuron("delay", n, null)) {
            if (Math.abs(v - dt) > 1e-9 * dt) {
                throw shape(t, "the PSP's Delay '" + delay + "' is " + v + " s, not one step (" + dt + " s)");
            }
        }
        List<String> before = graph.sources(delay);
        if (before.size() != 1 || !graph.node(before.get(0)).type().equals("CubaLI")) {
            throw shape(t, "the Delay '" + delay + "' is not fed by one CubaLI node (the PSP)");
        }
        NirNode psp = graph.node(before.get(0));
        double tauPsp = alphaTau(psp, n, dt);
        double[] pspGain = scale(psp, n, dt, tauPsp);
        double expected = Math.E / tauPsp * q(tauPsp);
        double[] gain = new double[n];
        for (int j = 0; j < n; j++) {
            double v = pspGain[j] / expected;
            gain[j] = Math.abs(v - 1) < 1e-12 ? 1 : v;
        }
        double tauRef = 1;
        double scale = 0;
        List<String> members = new ArrayList<>(List.of(psp.name(), delay));
        if (ref != null) {
            NirNode r = graph.node(ref);
            tauRef = alphaTau(r, n, dt);
            double[] refGain = scale(r, n, dt, tauRef);
            double[] s = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = -refGain[j] / q(tauRef) / (theta * Math.E / tauRef);
            }
            scale = uniform(r, s, "refractory scale");
            if (!(scale >= 0)) {
                throw shape(t, "its refractory loop '" + ref + "' raises the membrane after a spike");
            }
            members.add(ref);
        }
        return new Group(new Neuron.Srm(tauPsp, tauRef, scale, theta), psp.name(), members, gain);
    }

    /** The alpha kernel's time constant in steps: a CubaLI with tau_syn = tau_mem and no leak potential. */
    private static double alphaTau(NirNode c, int n, double dt) {
        double ts = uniform(c, c.perNeuron("tau_syn", n, null), "tau_syn");
        double tm = uniform(c, c.perNeuron("tau_mem", n, null), "tau_mem");
        if (Math.abs(ts - tm) > 1e-12 * tm) {
            throw new NirException("NIR node '" + c.name() + "' (CubaLI) of an SRM neuron has tau_syn " + ts + " != tau_mem "
                    + tm, "an alpha kernel is two equal filters");
        }
        for (double v : c.perNeuron("v_leak", n, 0.0)) {
            if (v != 0) {
                throw new NirException("NIR node '" + c.name() + "' (CubaLI) has v_leak = " + v, "SRM kernels have v_leak = 0");
            }
        }
        return tm / dt;
    }

    /** Per neuron, {@code r(1-q)·w_in(1-q)}: what the node multiplies the cascade of its input by. */
    private static double[] scale(NirNode c, int n, double dt, double tau) {
        double[] r = c.perNeuron("r", n, 1.0);
        double[] w = c.perNeuron("w_in", n, 1.0);
        double e = -Math.expm1(-1.0 / tau); // 1 - q, with tau in steps
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = r[j] * e * w[j] * e;
        }
        return out;
    }

    private static double uniform(NirNode node, double[] v, String what) {
        for (double x : v) {
            if (Math.abs(x - v[0]) > 1e-12 * Math.abs(v[0])) {
                throw new NirException("NIR node '" + node.name() + "' (" + node.type() + ") has " + what
                        + " varying across neurons", "the engine gives a population one " + what);
            }
        }
        return v[0];
    }

    private static NirException shape(NirNode t, String why) {
        return new NirException("NIR node '" + t.name() + "' (Threshold) is not an SRM neuron: " + why,
                "delaynet imports a Threshold as SLAYER's SRM: PSP CubaLI -> one-step Delay -> Threshold, with an "
                        + "optional refractory CubaLI loop");
    }
}
