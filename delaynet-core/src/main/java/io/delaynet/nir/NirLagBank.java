package io.delaynet.nir;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compact expansion of per-synapse delays on a time grid, for layers whose one-hot fan-out
 * ({@code pre·post × pre} plus {@code post × pre·post} values: 10^9 for MNIST's 784-800 layer)
 * is too big to write. Each whole-step lag L that some synapse uses gets a path of its own from
 * the presynaptic node: {@code P.lag<L>.delay} (Delay, pre channels, all L steps) then
 * {@code P.lag<L>.weight} (Linear, post × pre) holding the weights of the synapses that arrive L
 * steps late; the postsynaptic node sums the paths. A delay of d steps that is not whole (the
 * {@code linear} realisation) puts {@code w (1 - frac)} at lag floor(d) and {@code w frac} at
 * floor(d) + 1, which is what the engine's realisation does with the spike, so the expansion is
 * exact, with {@code lags · pre · post} values. The Delay nodes carry {@value NirNames#DELAY_KIND}
 * {@code = synaptic_lag} and {@value NirNames#PROJECTION}, by which import merges the paths back
 * into one projection.
 */
final class NirLagBank {
    /** {@link NirNames#DELAY_KIND} of a lag bank's Delay nodes. */
    static final String KIND = "synaptic_lag";

    private NirLagBank() {
    }

    /** Values the one-hot fan-out of a {@code pre × post} per-synapse projection writes. */
    static long fanoutValues(int pre, int post) {
        long k = (long) pre * post;
        return k * pre + k + (long) post * k;
    }

    /**
     * Adds the lag bank of per-synapse connection {@code c}; {@code steps[k]} is synapse k's delay
     * in steps as the graph must realise it (the cycle's step already taken off a recurrent one).
     */
    static void export(Connection c, double[] steps, double dt, String realisation, String to, List<NirNode> nodes,
                       List<NirGraph.Edge> edges) {
        int pre = c.pre();
        int post = c.post();
        TreeMap<Integer, double[]> lags = new TreeMap<>();
        for (int j = 0; j < post; j++) {
            for (int i = 0; i < pre; i++) {
                int ch = j * pre + i;
                double d = steps[ch];
                double near = Math.rint(d);
                if (Math.abs(d - near) < 1e-9 * Math.max(1, near)) {
                    d = near;
                }
                int whole = (int) Math.floor(d);
                double frac = d - whole;
                double w = c.weights()[ch];
                lags.computeIfAbsent(whole, l -> new double[post * pre])[ch] += frac == 0 ? w : w * (1 - frac);
                if (frac != 0) {
                    lags.computeIfAbsent(whole + 1, l -> new double[post * pre])[ch] += w * frac;
                }
            }
        }
        for (Map.Entry<Integer, double[]> lag : lags.entrySet()) {
            String base = c.name() + ".lag" + lag.getKey();
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(NirNames.DELAY_KIND, KIND);
            meta.put(NirNames.PROJECTION, c.name());
            meta.put(NirNames.REALISATION, realisation);
            nodes.add(new NirNode(base + ".delay", "Delay", Map.of("delay", NirTensor.filled(pre, lag.getKey() * dt)), meta));
            nodes.add(new NirNode(base + ".weight", "Linear", Map.of("weight", NirTensor.matrix(post, pre, lag.getValue()))));
            edges.add(new NirGraph.Edge(c.from(), base + ".delay"));
            edges.add(new NirGraph.Edge(base + ".delay", base + ".weight"));
            edges.add(new NirGraph.Edge(base + ".weight", to));
        }
    }

    /** Whether {@code delay} is a lag bank's Delay node. */
    static boolean isLag(NirNode delay) {
        return delay.type().equals("Delay") && KIND.equals(delay.metadata().get(NirNames.DELAY_KIND));
    }

    /**
     * One per-synapse projection from the axonal paths of its lag bank (each path's delays in
     * steps, all equal, the cycle's step added back; weights with the postsynaptic gain folded
     * in): synapse i → j arrives at one lag L (delay L) or at two neighbouring ones with weights
     * a, b (weight a + b, delay L + b / (a + b)).
     */
    static Connection merge(String name, List<Connection> paths) {
        Connection first = paths.get(0);
        int pre = first.pre();
        int post = first.post();
        TreeMap<Double, double[]> byLag = new TreeMap<>();
        for (Connection p : paths) {
            if (p.pre() != pre || p.post() != post || !p.from().equals(first.from()) || p.kind() != DelayKind.AXONAL) {
                throw new NirException("the lag bank of projection '" + name + "' has paths of different shapes or "
                        + "sources", "each lag is Delay(pre) -> Linear(post x pre) from the same node");
            }
            double lag = p.delays()[0];
            for (double d : p.delays()) {
                if (d != lag || d != Math.rint(d)) {
                    throw new NirException("a Delay node of the lag bank of projection '" + name + "' is not one whole "
                            + "number of steps for all its channels", "each lag's Delay delays every channel by L steps");
                }
            }
            if (byLag.put(lag, p.weights()) != null) {
                throw new NirException("the lag bank of projection '" + name + "' has lag " + lag + " twice",
                        "one path per lag");
            }
        }
        double[] w = new double[pre * post];
        double[] d = new double[pre * post];
        for (int ch = 0; ch < w.length; ch++) {
            List<double[]> hits = new ArrayList<>();
            for (Map.Entry<Double, double[]> e : byLag.entrySet()) {
                if (e.getValue()[ch] != 0) {
                    hits.add(new double[] {e.getKey(), e.getValue()[ch]});
                }
            }
            if (hits.isEmpty()) {
                d[ch] = byLag.firstKey();
            } else if (hits.size() == 1) {
                w[ch] = hits.get(0)[1];
                d[ch] = hits.get(0)[0];
            } else if (hits.size() == 2 && hits.get(1)[0] == hits.get(0)[0] + 1) {
                double a = hits.get(0)[1];
                double b = hits.get(1)[1];
                w[ch] = a + b;
                d[ch] = hits.get(0)[0] + b / (a + b);
            } else {
                throw new NirException("synapse " + ch % pre + " -> " + ch / pre + " of projection '" + name + "' arrives at "
                        + hits.size() + " lags", "a synapse of a lag bank uses one lag or two neighbouring ones");
            }
        }
        return new Connection(name, first.from(), first.to(), pre, post, w, DelayKind.SYNAPTIC, d, first.realisation(),
                first.recurrent());
    }
}
