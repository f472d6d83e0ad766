package io.delaynet.nir;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.Reset;
import io.delaynet.model.TimeBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A NIR graph as a time-stepped network description, the inverse of {@link NirExport}. Neuron
 * nodes (LIF, CubaLIF, LI, IF, I) become populations; the path of Linear, zero-bias Affine and
 * Delay nodes between two of them becomes a projection: {@code Linear} (no delays),
 * {@code Delay → Linear} (axonal), {@code Linear → Delay} (dendritic) or the per-synapse fan-out
 * expansion {@code Linear(one-hot) → Delay → Linear} (synaptic), or a lag bank's parallel paths
 * ({@link NirLagBank}, merged into one synaptic projection). An identity Scale marked
 * {@code delaynet.neuron = pass_through} is a population without neurons. A Threshold node with the
 * structure {@link NirSrm} writes around it is an SRM population; a graph that says
 * {@code delaynet.spikes = dirac} is an event-driven export and becomes a continuous-time
 * description ({@link NirEventImport}). A path from a population back into
 * itself is its recurrent projection, with the cycle's step added to its delays. NIR's gains
 * ({@code r}, {@code w_in}) are folded into the weights, so the engine's equations under
 * {@link NirSimulation.Integration#EXACT} compute what the graph does; parameters the engine has
 * no form for (a leak potential, a reset potential other than 0, per-neuron time constants, a
 * bias) are one-line errors naming the node.
 */
public final class NirImport {
    private static final Set<String> NEURONS = Set.of("LIF", "CubaLIF", "LI", "IF", "I");
    private static final Set<String> SYNAPSES = Set.of("Linear", "Affine", "Delay");

    private NirImport() {
    }

    /**
     * What the graph may not say itself (this project's exports carry all three as metadata).
     *
     * @param dt       the step in seconds
     * @param window   steps per sample
     * @param decision how the output becomes a class
     */
    public record Options(Optional<Double> dt, Optional<Double> window, Optional<String> decision) {
        public static Options fromGraph() {
            return new Options(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public static NetworkDescription toDescription(NirGraph g, Options o) {
        boolean continuous = isEventExport(g);
        // continuous time: the description's unit (tau_s) in seconds; stepped: the step
        double dt = continuous ? number(g, NirNames.TIME_UNIT, "a delaynet.time_unit graph metadata entry")
                : o.dt().orElseGet(() -> number(g, NirNames.TIME_STEP, "--dt"));
        double window = continuous ? o.window().orElse(Double.parseDouble(g.metadata().getOrDefault(NirNames.WINDOW, "0")))
                : o.window().orElseGet(() -> number(g, NirNames.WINDOW, "--window"));
        String decision = o.decision().orElse(g.metadata().getOrDefault(NirNames.DECISION,
                continuous ? "earliest_spike" : "most_spikes"));
        NirNode input = g.input();
        List<Population> populations = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        java.util.Map<String, NirSrm.Group> srm = new java.util.LinkedHashMap<>();
        Set<String> members = new HashSet<>();
        for (NirNode n : g.nodes().values()) {
            if (NirFilteredLif.marked(n) && !n.type().equals("CubaLIF") && !n.type().equals("LIF") && !n.type().equals("IF")) {
                throw NirFilteredLif.refused(n);
            }
        }
        for (NirNode n : g.ofType("Threshold")) {
            NirSrm.Group group = NirSrm.recognise(g, n, dt);
            srm.put(n.name(), group);
            members.addAll(group.members());
        }
        Set<String> spiking = new HashSet<>(srm.keySet());
        for (NirNode n : g.nodes().values()) {
            if (NEURONS.contains(n.type()) || NirSpatialImport.passThrough(n)) {
                spiking.add(n.name());
            }
        }
        for (NirNode n : g.nodes().values()) {
            if (members.contains(n.name())) {
                continue;
            }
            if (srm.containsKey(n.name())) {
                NirSrm.Group group = srm.get(n.name());
                int size = group.gain().length;
                populations.add(new Population(n.name(), size, group.neuron()));
                connections.addAll(projections(g, g.sources(group.psp()), n, size, group.gain(), dt, names, spiking));
            } else if (n.type().equals("Input")) {
                populations.add(new Population(n.name(), size(n), new Neuron.Source()));
            } else if (NirSpatialImport.passThrough(n)) {
                int size = passThroughSize(n);
                populations.add(new Population(n.name(), size, new Neuron.PassThrough()));
                double[] gain = new double[size];
                Arrays.fill(gain, 1);
                connections.addAll(projections(g, g.sources(n.name()), n, size, gain, dt, names, spiking));
            } else if (NEURONS.contains(n.type())) {
                int size = neuronSize(g, n);
                double[] gain = new double[size];
                populations.add(new Population(n.name(), size, continuous ? NirEventImport.neuron(n, size, dt, gain)
                        : neuron(n, size, dt, gain)));
                connections.addAll(projections(g, g.sources(n.name()), n, size, gain, dt, names, spiking));
            } else if (!SYNAPSES.contains(n.type()) && !n.type().equals("Output") && !NirSpatialImport.handles(n)) {
                throw new NirException("NIR node '" + n.name() + "' has type " + n.type()
                        + ", which the time-stepped engine has no form for", "import graphs of Linear, Affine, Delay and "
                        + "LIF/CubaLIF/LI/IF/I nodes and SRM neurons (docs/nir.md), or run it with 'delaynet nir run'");
            }
        }
        List<NirNode> outs = g.ofType("Output");
        if (outs.size() != 1 || g.sources(outs.get(0).name()).size() != 1
                || !spiking.contains(g.sources(outs.get(0).name()).get(0))) {
            throw new NirException("the NIR graph's Output must be one node fed by one neuron node",
                    "the engine's answer is one population");
        }
        String output = g.sources(outs.get(0).name()).get(0);
        if (continuous) {
            NirEventImport.check(populations, connections);
        }
        return new NetworkDescription(continuous ? TimeBase.continuous(dt) : TimeBase.stepped(dt), window,
                layered(populations, connections), connections,
                input.name(), output, decision);
    }

    /**
     * The populations input first, each after those feeding it (recurrent projections aside), ties
     * by name: the order the engine builds layers in, whatever order the file lists its nodes in
     * (HDF5 readers need not keep the writer's order).
     */
    static List<Population> layered(List<Population> populations, List<Connection> connections) {
        List<Population> left = new ArrayList<>(populations);
        left.sort(java.util.Comparator.comparing(Population::name));
        List<Population> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!left.isEmpty()) {
            Population next = null;
            for (Population p : left) {
                boolean ready = connections.stream()
                        .noneMatch(c -> c.to().equals(p.name()) && !c.recurrent() && !placed.contains(c.from()));
                if (ready && (next == null || p.isSource() && !next.isSource())) {
                    next = p;
                    if (p.isSource()) {
                        break;
                    }
                }
            }
            if (next == null) {
                throw new NirException("the NIR graph's populations " + left.stream().map(Population::name).toList()
                        + " feed each other in a cycle without a neuron-to-itself edge", "the engine's recurrence is a "
                        + "population's projection into itself");
            }
            out.add(next);
            placed.add(next.name());
            left.remove(next);
        }
        return out;
    }

    /** Whether {@code g} is an event-driven (continuous-time, Dirac-spike) export. */
    static boolean isEventExport(NirGraph g) {
        return "dirac".equals(g.metadata().get(NirNames.SPIKES));
    }

    private static double number(NirGraph g, String key, String option) {
        String v = g.metadata().get(key);
        if (v == null) {
            throw new NirException("the NIR graph does not say " + key.substring(key.indexOf('.') + 1)
                    + " (it was not written by delaynet)", "pass " + option);
        }
        return Double.parseDouble(v);
    }

    private static int size(NirNode n) {
        int s = 1;
        for (double v : n.require("shape").values()) {
            s *= (int) v;
        }
        return s;
    }

    /** The size of a pass-through population: its identity Scale's length; any other scale is refused. */
    private static int passThroughSize(NirNode n) {
        double[] s = n.require("scale").values();
        for (double v : s) {
            if (v != 1) {
                throw new NirException("NIR node '" + n.name() + "' is marked pass_through but scales by " + v,
                        "a population without neurons passes its input on unscaled");
            }
        }
        return s.length;
    }

    private static int neuronSize(NirGraph g, NirNode n) {
        String key = switch (n.type()) {
            case "CubaLIF" -> "tau_mem";
            case "LIF", "LI" -> "tau";
            default -> "r";
        };
        int size = n.require(key).size();
        for (String s : g.sources(n.name())) {
            NirNode src = g.node(s);
            if (src.type().equals("Linear") || src.type().equals("Affine")) {
                size = src.require("weight").shape()[0];
            }
        }
        return size;
    }

    private static double uniform(NirNode n, String key, int size, Double fallback) {
        double[] v = n.perNeuron(key, size, fallback);
        for (double x : v) {
            if (x != v[0]) {
                throw new NirException("NIR node '" + n.name() + "' (" + n.type() + ") has " + key + " varying across neurons",
                        "the engine gives a population one " + key);
            }
        }
        return v[0];
    }

    private static void zero(NirNode n, String key, int size) {
        for (double x : n.perNeuron(key, size, 0.0)) {
            if (x != 0) {
                throw new NirException("NIR node '" + n.name() + "' (" + n.type() + ") has " + key + " = " + x,
                        "the engine's neurons have " + key + " = 0");
            }
        }
    }

    /** 1 when within rounding of 1, so a delaynet export comes back with its weights bit for bit. */
    private static double snap(double g) {
        return Math.abs(g - 1) < 1e-12 ? 1 : g;
    }

    /** The neuron of a node; {@code gain} receives the per-neuron input gain folded into the weights. */
    private static Neuron neuron(NirNode n, int size, double dt, double[] gain) {
        zero(n, "v_leak", size);
        Reset reset = "subtract".equals(n.metadata().get(NirNames.RESET)) ? Reset.SUBTRACT : Reset.ZERO;
        double[] r = n.perNeuron("r", size, 1.0);
        switch (n.type()) {
            case "CubaLIF" -> {
                zero(n, "v_reset", size);
                double tauSyn = uniform(n, "tau_syn", size, null);
                double tauMem = uniform(n, "tau_mem", size, null);
                double[] wIn = n.perNeuron("w_in", size, 1.0);
                for (int j = 0; j < size; j++) {
                    gain[j] = snap(r[j] * -Math.expm1(-dt / tauMem) * wIn[j] * -Math.expm1(-dt / tauSyn));
                }
                if (NirFilteredLif.marked(n)) {
                    return NirFilteredLif.neuron(n, uniform(n, "v_threshold", size, null), gain);
                }
                return new Neuron.CubaLif(tauSyn / dt, tauMem / dt, uniform(n, "v_threshold", size, null), reset);
            }
            case "LIF", "LI" -> {
                double tau = uniform(n, "tau", size, null);
                for (int j = 0; j < size; j++) {
                    gain[j] = snap(r[j] * -Math.expm1(-dt / tau));
                }
                if (n.type().equals("LI")) {
                    return new Neuron.LeakyIntegrator(tau / dt);
                }
                zero(n, "v_reset", size);
                if (NirFilteredLif.marked(n)) {
                    return NirFilteredLif.neuron(n, uniform(n, "v_threshold", size, null), gain);
                }
                return new Neuron.Lif(tau / dt, uniform(n, "v_threshold", size, null), reset);
            }
            default -> { // IF, I: dv/dt = r I
                for (int j = 0; j < size; j++) {
                    gain[j] = snap(r[j] * dt);
                }
                if (n.type().equals("I")) {
                    return new Neuron.LeakyIntegrator(Double.POSITIVE_INFINITY);
                }
                zero(n, "v_reset", size);
                if (NirFilteredLif.marked(n)) {
                    return NirFilteredLif.neuron(n, uniform(n, "v_threshold", size, null), gain);
                }
                return new Neuron.Lif(Double.POSITIVE_INFINITY, uniform(n, "v_threshold", size, null), reset);
            }
        }
    }

    /**
     * The projections arriving at {@code to} through {@code sources}: one per path, except that
     * the paths of a lag bank ({@link NirLagBank}) become one per-synapse projection.
     */
    private static List<Connection> projections(NirGraph g, List<String> sources, NirNode to, int post, double[] gain,
                                                double dt, Set<String> names, Set<String> neurons) {
        List<Connection> out = new ArrayList<>();
        java.util.Map<String, List<Connection>> banks = new java.util.LinkedHashMap<>();
        for (String s : sources) {
            List<String> before = g.sources(s);
            boolean lag = g.node(s).type().equals("Linear") && before.size() == 1 && NirLagBank.isLag(g.node(before.get(0)));
            if (!lag) {
                out.add(projection(g, s, to, post, gain, dt, names, neurons));
                continue;
            }
            NirNode delay = g.node(before.get(0));
            String name = delay.metadata().getOrDefault(NirNames.PROJECTION, delay.name());
            banks.computeIfAbsent(name, k -> new ArrayList<>()).add(projection(g, s, to, post, gain, dt, new HashSet<>(),
                    neurons));
        }
        for (var bank : banks.entrySet()) {
            String name = bank.getKey();
            while (!names.add(name)) {
                name = name + "'";
            }
            out.add(NirLagBank.merge(name, bank.getValue()));
        }
        return out;
    }

    private static Connection projection(NirGraph g, String last, NirNode to, int post, double[] gain, double dt,
                                         Set<String> names, Set<String> neurons) {
        if (NirSpatialImport.starts(g.node(last))) {
            return NirSpatialImport.projection(g, last, to, post, gain, names, neurons);
        }
        List<NirNode> path = new ArrayList<>();
        String at = last;
        while (SYNAPSES.contains(g.node(at).type()) || g.node(at).type().equals("Flatten")) {
            NirNode s = g.node(at);
            if (s.type().equals("Flatten")) { // a shape change only: the values pass as they are
                List<String> src = g.sources(at);
                if (src.size() != 1) {
                    throw new NirException("NIR node '" + at + "' (Flatten) has " + src.size() + " sources",
                            "a Flatten has one source");
                }
                at = src.get(0);
                continue;
            }
            if (s.type().equals("Affine")) {
                zero(s, "bias", s.require("weight").shape()[0]);
            }
            path.add(0, s);
            List<String> src = g.sources(at);
            if (src.size() != 1 || path.size() > 3) {
                throw new NirException("NIR node '" + at + "' (" + s.type() + ") on the way into '" + to.name() + "' has "
                        + src.size() + " sources", "between two neuron nodes the engine has one path of Linear and Delay nodes");
            }
            at = src.get(0);
        }
        NirNode from = g.node(at);
        if (!from.type().equals("Input") && !neurons.contains(from.name())) {
            throw new NirException("NIR node '" + at + "' (" + from.type() + ") feeds '" + to.name() + "'",
                    "projections start at the Input or a neuron node");
        }
        int pre;
        List<String> types = path.stream().map(n -> n.type().equals("Affine") ? "Linear" : n.type()).toList();
        NirNode weightNode = path.get(types.lastIndexOf("Linear") < 0 ? 0 : types.lastIndexOf("Linear"));
        DelayKind kind;
        double[] w;
        double[] delays = new double[0];
        NirNode delayNode = null;
        if (types.equals(List.of("Linear"))) {
            kind = DelayKind.NONE;
        } else if (types.equals(List.of("Delay", "Linear"))) {
            kind = DelayKind.AXONAL;
            delayNode = path.get(0);
        } else if (types.equals(List.of("Linear", "Delay"))) {
            kind = DelayKind.DENDRITIC;
            delayNode = path.get(1);
            weightNode = path.get(0);
        } else if (types.equals(List.of("Linear", "Delay", "Linear"))) {
            kind = DelayKind.SYNAPTIC;
            delayNode = path.get(1);
            weightNode = path.get(2);
        } else {
            throw new NirException("the path " + at + " -> " + path.stream().map(NirNode::name).toList() + " -> " + to.name()
                    + " is " + types, "the engine's projections are Linear, Delay+Linear, Linear+Delay or the per-synapse "
                    + "fan-out Linear+Delay+Linear");
        }
        NirTensor wt = weightNode.require("weight");
        if (wt.rank() != 2 || wt.shape()[0] != post) {
            throw new NirException("NIR node '" + weightNode.name() + "' has weight " + java.util.Arrays.toString(wt.shape())
                    + " but feeds " + post + " neurons", "the weight is (out, in)");
        }
        if (kind == DelayKind.SYNAPTIC) {
            NirTensor fan = path.get(0).require("weight");
            int k = wt.shape()[1];
            pre = fan.shape()[1];
            if (fan.rank() != 2 || fan.shape()[0] != k || k != pre * post) {
                throw new NirException("NIR node '" + path.get(0).name() + "' is not the per-synapse fan-out of '"
                        + weightNode.name() + "'", "it must be (pre*post) x pre");
            }
            w = new double[k];
            for (int ch = 0; ch < k; ch++) {
                int i = ch % pre;
                int j = ch / pre;
                for (int c = 0; c < pre; c++) {
                    if (fan.values()[ch * pre + c] != (c == i ? 1 : 0)) {
                        throw new NirException("NIR node '" + path.get(0).name() + "' is not a one-hot fan-out (row " + ch
                                + ")", "channel j*pre+i must carry input i");
                    }
                }
                for (int jj = 0; jj < post; jj++) {
                    double v = wt.values()[jj * k + ch];
                    if (jj != j && v != 0) {
                        throw new NirException("NIR node '" + weightNode.name() + "' mixes the fan-out's channels across "
                                + "neurons (row " + jj + ", channel " + ch + ")", "channel j*pre+i feeds neuron j only");
                    }
                }
                w[ch] = wt.values()[j * k + ch] * gain[j];
            }
        } else {
            pre = wt.shape()[1];
            w = wt.values().clone();
            for (int j = 0; j < post; j++) {
                for (int i = 0; i < pre; i++) {
                    w[j * pre + i] *= gain[j];
                }
            }
        }
        boolean recurrent = at.equals(to.name());
        DelayRealisation realisation = new DelayRealisation.Linear();
        if (delayNode != null) {
            delays = delayNode.perNeuron("delay", kind.count(pre, post), null).clone();
            boolean exact = delayNode.metadata().getOrDefault(NirNames.REALISATION, "").equals("exact");
            for (int k = 0; k < delays.length; k++) {
                double steps = delays[k] / dt + (recurrent ? 1 : 0);
                double near = Math.rint(steps);
                // a stepped delay within rounding of a whole step is that step; continuous delays are kept as written
                delays[k] = !exact && Math.abs(steps - near) < 1e-9 * Math.max(1, near) ? near : steps;
            }
            realisation = realisation(delayNode);
        }
        String name = weightNode.name().endsWith(".weight")
                ? weightNode.name().substring(0, weightNode.name().length() - ".weight".length()) : weightNode.name();
        while (!names.add(name)) {
            name = name + "'";
        }
        return new Connection(name, at, to.name(), pre, post, w, kind, delays, realisation, recurrent);
    }

    private static DelayRealisation realisation(NirNode delay) {
        String r = delay.metadata().getOrDefault(NirNames.REALISATION, "linear");
        if (r.equals("floor") || r.equals("round")) {
            return new DelayRealisation.WholeSteps(r.equals("floor"));
        }
        if (r.equals("exact")) {
            return new DelayRealisation.Exact();
        }
        if (r.startsWith("gaussian:")) {
            return new DelayRealisation.Gaussian(Double.parseDouble(r.substring("gaussian:".length())));
        }
        return new DelayRealisation.Linear();
    }

    /** Reads {@code file} and imports it. */
    public static NetworkDescription read(java.nio.file.Path file, Options o) {
        return toDescription(NirFile.read(file), o);
    }
}
