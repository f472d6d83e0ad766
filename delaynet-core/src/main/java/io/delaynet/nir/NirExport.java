package io.delaynet.nir;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.Reset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A network description as a NIR graph, in seconds: time-stepped ones exactly (below), event-driven
 * (continuous-time) ones as CubaLIF nodes with Dirac spikes and the first-spike extension
 * ({@code continuousNeuron}). Each population is one neuron node named after it (an SRM
 * population: the four standard nodes of {@link NirSrm}; a filtered LIF: {@link NirFilteredLif}; a
 * population without neurons, whose weighted input passes straight on: an identity {@code Scale}
 * marked {@code delaynet.neuron = pass_through}), each convolution or pooling projection the spatial
 * nodes of {@link NirSpatial}, each dense projection a {@code Linear} node
 * ({@code <projection>.weight}, the description's post-major weights as NIR's (out, in) matrix) with
 * its delays as element-wise {@code Delay} nodes:
 * <ul>
 *   <li>axonal: {@code Delay(pre)} before the Linear;</li>
 *   <li>dendritic: {@code Delay(post)} after it;</li>
 *   <li>per synapse (NIR has no such node): the exact expansion fan-out {@code Linear}
 *       (one-hot, pre·post × pre, channel {@code j * pre + i} carries neuron i for neuron j),
 *       {@code Delay(pre·post)}, {@code Linear} (post × pre·post, the weights); a time-stepped
 *       projection whose fan-out would exceed the limit ({@link #FANOUT_LIMIT}) is written as a
 *       lag bank instead ({@link NirLagBank}).</li>
 * </ul>
 * A recurrent projection closes a cycle back into its population; the cycle's edge lags one step
 * (as in every discrete-time NIR simulator), so its Delay holds the delay less one step.
 *
 * <p>Neuron parameters are chosen so that NIR's equations, integrated exactly over a step with
 * the input held ({@link NirSimulation.Integration#EXACT}) and with a spike or input of 1 in its
 * step, compute what the engine computes: e.g. the engine's CubaLIF {@code I <- a I + x},
 * {@code v <- b v + I} is NIR's CubaLIF with {@code w_in = 1 / (1 - a)}, {@code r = 1 / (1 - b)},
 * {@code a = exp(-dt / tau_syn)}. docs/nir.md has the full table.
 */
public final class NirExport {
    private NirExport() {
    }

    /**
     * The most values a per-synapse projection's one-hot fan-out may have (2^24, 128 MiB as
     * float64); a time-stepped projection over it is written as a lag bank ({@link NirLagBank}).
     */
    public static final long FANOUT_LIMIT = 1L << 24;

    /** The graph of {@code d}; a one-line error for what NIR cannot express. */
    public static NirGraph export(NetworkDescription d) {
        return export(d, FANOUT_LIMIT);
    }

    /**
     * {@link #export(NetworkDescription)} with per-synapse fan-outs of at most {@code fanoutLimit}
     * values: 0 writes every time-stepped per-synapse projection as a lag bank, {@code Long.MAX_VALUE}
     * none.
     */
    public static NirGraph export(NetworkDescription d, long fanoutLimit) {
        boolean continuous = d.time().isContinuous();
        // Seconds per unit of the description's delays: one step, or (continuous time) one time unit.
        double dt = continuous ? d.time().unitSeconds() : d.time().seconds(d.time().dt());
        List<NirNode> nodes = new ArrayList<>();
        List<NirGraph.Edge> edges = new ArrayList<>();
        Map<String, int[]> shapes = NirSpatial.shapes(d);
        for (Population p : d.populations()) {
            if (!continuous && p.neuron() instanceof Neuron.Srm srm) {
                NirSrm.export(p, srm, dt, nodes, edges);
                continue;
            }
            if (!continuous && p.neuron() instanceof Neuron.FilteredLif f) {
                NirFilteredLif.export(p, f, dt, nodes, edges);
                continue;
            }
            NirNode node = continuous ? continuousNeuron(p, d.time().unitSeconds(), p.name().equals(d.input()))
                    : neuron(p, d.time().dt(), d.time().unitSeconds(), dt, p.name().equals(d.input()));
            int[] image = shapes.get(p.name());
            if (node.type().equals("Input") && image != null) { // an image input keeps its (C, H, W) shape
                node = new NirNode(node.name(), "Input", Map.of("shape", NirSpatial.tensor(image)));
            }
            nodes.add(node);
        }
        for (Connection c : d.connections()) {
            if (!c.dense()) {
                NirSpatial.export(c, entry(d.population(c.to()).orElseThrow()), nodes, edges);
                continue;
            }
            projection(c, d, dt, fanoutLimit, shapes.get(c.from()), nodes, edges);
        }
        Population out = d.population(d.output()).orElseThrow();
        String outName = unique("output", nodes);
        nodes.add(new NirNode(outName, "Output", Map.of("shape", NirTensor.vector(out.size()))));
        edges.add(new NirGraph.Edge(out.name(), outName));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(continuous ? NirNames.TIME_UNIT : NirNames.TIME_STEP, Double.toString(dt));
        meta.put(NirNames.WINDOW, Double.toString(d.window()));
        meta.put(NirNames.DECISION, d.decision());
        meta.put(NirNames.SPIKES, continuous ? "dirac" : "unit");
        return NirGraph.of(nodes, edges, meta);
    }

    private static String unique(String name, List<NirNode> nodes) {
        String n = name;
        for (int k = 2; taken(n, nodes); k++) {
            n = name + k;
        }
        return n;
    }

    private static boolean taken(String name, List<NirNode> nodes) {
        return nodes.stream().anyMatch(x -> x.name().equals(name));
    }

    /** {@code 1 / (1 - exp(-dt / tau))}: the gain that turns NIR's held-input step into the engine's. */
    private static double gain(double dtUnits, double tauUnits) {
        return 1.0 / -Math.expm1(-dtUnits / tauUnits);
    }

    private static NirNode neuron(Population p, double dtUnits, double unit, double dtSeconds, boolean isInput) {
        int n = p.size();
        Map<String, NirTensor> params = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        String type;
        switch (p.neuron()) {
            case Neuron.Source s -> {
                type = "Input";
                params.put("shape", NirTensor.vector(n));
            }
            case Neuron.CubaLif c -> {
                finite(p, c.tauSyn(), "tau_syn");
                finite(p, c.tauMem(), "tau_mem");
                type = "CubaLIF";
                params.put("tau_syn", NirTensor.filled(n, c.tauSyn() * unit));
                params.put("tau_mem", NirTensor.filled(n, c.tauMem() * unit));
                params.put("r", NirTensor.filled(n, gain(dtUnits, c.tauMem())));
                params.put("v_leak", NirTensor.filled(n, 0));
                params.put("v_threshold", NirTensor.filled(n, c.threshold()));
                params.put("v_reset", NirTensor.filled(n, 0));
                params.put("w_in", NirTensor.filled(n, gain(dtUnits, c.tauSyn())));
                reset(p, c.reset(), meta);
            }
            case Neuron.Lif l -> {
                if (Double.isInfinite(l.tauMem())) {
                    type = "IF";
                    params.put("r", NirTensor.filled(n, 1 / dtSeconds));
                } else {
                    type = "LIF";
                    params.put("tau", NirTensor.filled(n, l.tauMem() * unit));
                    params.put("r", NirTensor.filled(n, gain(dtUnits, l.tauMem())));
                    params.put("v_leak", NirTensor.filled(n, 0));
                }
                params.put("v_threshold", NirTensor.filled(n, l.threshold()));
                params.put("v_reset", NirTensor.filled(n, 0));
                reset(p, l.reset(), meta);
            }
            case Neuron.LeakyIntegrator li -> {
                if (Double.isInfinite(li.tauMem())) {
                    type = "I";
                    params.put("r", NirTensor.filled(n, 1 / dtSeconds));
                } else {
                    type = "LI";
                    params.put("tau", NirTensor.filled(n, li.tauMem() * unit));
                    params.put("r", NirTensor.filled(n, gain(dtUnits, li.tauMem())));
                    params.put("v_leak", NirTensor.filled(n, 0));
                }
            }
            case Neuron.PassThrough t -> {
                // No neurons: the pooled sum goes straight on, which NIR says as an identity Scale;
                // the mark tells import that this node is a population, not part of a projection.
                type = "Scale";
                params.put("scale", NirTensor.filled(n, 1));
                meta.put(NirNames.NEURON, NirNames.PASS_THROUGH);
            }
            case Neuron.Srm s -> throw new IllegalStateException("SRM populations are written by NirSrm");
            case Neuron.FilteredLif f -> throw new IllegalStateException("filtered LIF populations are written by NirFilteredLif");
            case Neuron.FirstSpikeLif f -> throw new NirException("population " + p.name() + " has the event-driven "
                    + "engine's first-spike neurons in a time-stepped network", "describe it in continuous time (dt = 0)");
        }
        if (isInput != type.equals("Input")) {
            throw new NirException("population " + p.name() + (isInput ? " is the input but not a source" : " is a source "
                    + "but not the input"), "a NIR graph has one Input");
        }
        return new NirNode(p.name(), type, params, meta);
    }

    /**
     * The event-driven engine's neuron in seconds (unit = its time unit, tau_s): with
     * {@code du/dt' = -u/tauMem + I} and {@code tauSyn dI/dt' = -I} (I jumping by w per input) in
     * units, NIR's CubaLIF with Dirac input spikes is the same neuron for {@code tau_syn = tauSyn u},
     * {@code tau_mem = tauMem u}, {@code r = tauMem}, {@code w_in = tauSyn u}; only its first spike
     * counts ({@link NirNames#FIRST_SPIKE}).
     */
    private static NirNode continuousNeuron(Population p, double unit, boolean isInput) {
        int n = p.size();
        Map<String, NirTensor> params = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        switch (p.neuron()) {
            case Neuron.Source s -> {
                if (!isInput) {
                    throw new NirException("population " + p.name() + " is a source but not the input", "a NIR graph has one Input");
                }
                return new NirNode(p.name(), "Input", Map.of("shape", NirTensor.vector(n)));
            }
            case Neuron.FirstSpikeLif f -> {
                params.put("tau_syn", NirTensor.filled(n, f.tauSyn() * unit));
                params.put("tau_mem", NirTensor.filled(n, f.tauMem() * unit));
                params.put("r", NirTensor.filled(n, f.tauMem()));
                params.put("v_leak", NirTensor.filled(n, 0));
                params.put("v_threshold", NirTensor.filled(n, f.threshold()));
                params.put("v_reset", NirTensor.filled(n, 0));
                params.put("w_in", NirTensor.filled(n, f.tauSyn() * unit));
                meta.put(NirNames.FIRST_SPIKE, "true");
                return new NirNode(p.name(), "CubaLIF", params, meta);
            }
            default -> throw new NirException("population " + p.name() + " of a continuous-time network has "
                    + p.neuron().type() + " neurons", "continuous-time networks have first-spike LIF neurons");
        }
    }

    private static void finite(Population p, double tau, String what) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new NirException("population " + p.name() + " has " + what + " = " + tau + " steps, which NIR's CubaLIF "
                    + "cannot express", "use finite time constants");
        }
    }

    private static void reset(Population p, Reset reset, Map<String, String> meta) {
        switch (reset) {
            case ZERO -> {
            }
            case SUBTRACT -> meta.put(NirNames.RESET, "subtract");
            case NONE -> throw new NirException("population " + p.name() + " does not reset", "NIR's spiking nodes reset");
        }
    }

    /** The node into which projections into {@code p} go: the first of its nodes. */
    static String entry(Population p) {
        if (p.neuron() instanceof Neuron.FilteredLif f && NirFilteredLif.split(f)) {
            return NirFilteredLif.currentName(p.name());
        }
        return NirSrm.entry(p);
    }

    private static void projection(Connection c, NetworkDescription d, double dt, long fanoutLimit, int[] image,
                                   List<NirNode> nodes, List<NirGraph.Edge> edges) {
        int pre = c.pre();
        int post = c.post();
        double lag = c.recurrent() ? 1 : 0; // the recurrent edge of the cycle supplies one step
        double[] delays = c.delays().clone();
        double[] lagged = new double[delays.length];
        for (int k = 0; k < delays.length; k++) {
            double steps = effective(c.realisation(), delays[k]) - lag;
            if (steps < -1e-12) {
                throw new NirException(c.name() + ": a recurrent delay of " + delays[k] + " steps is under one step",
                        "recurrent delays are at least one step");
            }
            delays[k] = Math.max(0, steps) * dt;
            lagged[k] = Math.max(0, steps);
        }
        String weight = c.name() + ".weight";
        String to = entry(d.population(c.to()).orElseThrow());
        String from = c.from();
        if (image != null && c.kind() != DelayKind.SYNAPTIC) { // a dense projection out of an image: NIR's Flatten first, so shapes stay consistent
            from = NirSpatial.flatten(c, image, nodes, edges);
        }
        String delay = c.name() + ".delay";
        Map<String, String> delayMeta = new LinkedHashMap<>();
        delayMeta.put(NirNames.REALISATION, realisation(c.realisation()));
        switch (c.kind()) {
            case NONE -> {
                nodes.add(linear(weight, post, pre, c.weights()));
                chain(edges, from, weight, to);
            }
            case AXONAL -> {
                nodes.add(new NirNode(delay, "Delay", Map.of("delay", NirTensor.vector(delays)), delayMeta));
                nodes.add(linear(weight, post, pre, c.weights()));
                chain(edges, from, delay, weight, to);
            }
            case DENDRITIC -> {
                nodes.add(linear(weight, post, pre, c.weights()));
                nodes.add(new NirNode(delay, "Delay", Map.of("delay", NirTensor.vector(delays)), delayMeta));
                chain(edges, from, weight, delay, to);
            }
            case SYNAPTIC -> {
                if (NirLagBank.fanoutValues(pre, post) > fanoutLimit) {
                    if (d.time().isContinuous()) {
                        throw fanoutLimit == 0
                                ? new NirException(c.name() + ": per-synapse delays in continuous time have no time grid "
                                + "for a lag bank", "export it with --per-synapse auto or fanout")
                                : new NirException(c.name() + ": the per-synapse fan-out of a " + pre + " x " + post
                                + " continuous-time projection needs " + NirLagBank.fanoutValues(pre, post)
                                + " values, over the " + fanoutLimit + " allowed, and continuous delays have no time grid "
                                + "for a lag bank", "export a smaller network, or with --per-synapse fanout");
                    }
                    NirLagBank.export(c, lagged, dt, realisation(c.realisation()), to, nodes, edges);
                    return;
                }
                int k = pre * post;
                double[] fan = new double[k * pre];
                double[] w = new double[post * k];
                for (int j = 0; j < post; j++) {
                    for (int i = 0; i < pre; i++) {
                        int ch = j * pre + i;
                        fan[ch * pre + i] = 1;
                        w[j * k + ch] = c.weights()[ch];
                    }
                }
                String fanout = c.name() + ".fanout";
                nodes.add(linear(fanout, k, pre, fan));
                delayMeta.put(NirNames.DELAY_KIND, DelayKind.SYNAPTIC.name().toLowerCase(Locale.ROOT));
                nodes.add(new NirNode(delay, "Delay", Map.of("delay", NirTensor.vector(delays)), delayMeta));
                nodes.add(linear(weight, post, k, w));
                chain(edges, from, fanout, delay, weight, to);
            }
        }
    }

    /** The delay in steps the engine realises: whole-step realisations move it onto its step. */
    static double effective(DelayRealisation r, double d) {
        return switch (r) {
            case DelayRealisation.WholeSteps w -> w.floor() ? Math.floor(d) : Math.floor(d + 0.5);
            default -> d;
        };
    }

    private static String realisation(DelayRealisation r) {
        return switch (r) {
            case DelayRealisation.WholeSteps w -> w.floor() ? "floor" : "round";
            case DelayRealisation.Linear l -> "linear";
            case DelayRealisation.Gaussian g -> "gaussian:" + g.sigma();
            case DelayRealisation.Exact e -> "exact";
        };
    }

    private static NirNode linear(String name, int rows, int cols, double[] w) {
        return new NirNode(name, "Linear", Map.of("weight", NirTensor.matrix(rows, cols, w.clone())));
    }

    private static void chain(List<NirGraph.Edge> edges, String... names) {
        for (int k = 0; k + 1 < names.length; k++) {
            edges.add(new NirGraph.Edge(names[k], names[k + 1]));
        }
    }
}
