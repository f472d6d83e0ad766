package io.delaynet.nir;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import io.delaynet.model.Reset;
import io.delaynet.model.TimeBase;
import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.stepped.network.SteppedDescriptions;
import io.delaynet.stepped.network.SteppedNetwork;
import java.util.List;
import java.util.SplittableRandom;

/** Small random time-stepped networks (every delay kind, recurrence) and a way to run them. */
final class SteppedFixtures {
    static final double STEP = 1e-3;

    private SteppedFixtures() {
    }

    static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    static Connection connection(SplittableRandom r, String name, String from, String to, int pre, int post, DelayKind kind,
                                 DelayRealisation realisation, boolean recurrent, double scale) {
        double lo = recurrent ? 1 : 0;
        return new Connection(name, from, to, pre, post, uniform(r, pre * post, -0.3 * scale, scale), kind,
                uniform(r, kind.count(pre, post), lo, lo + 6), realisation, recurrent);
    }

    /** input(6) -> hidden CubaLIF(7, subtract, synaptic delays, recurrent synaptic) -> LI(3). */
    static NetworkDescription recurrentSynaptic(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Population> pops = List.of(new Population("input", 6, new Neuron.Source()),
                new Population("hidden", 7, new Neuron.CubaLif(4, 8, 1.0, Reset.SUBTRACT)),
                new Population("readout", 3, new Neuron.LeakyIntegrator(10)));
        List<Connection> cons = List.of(
                connection(r, "hidden", "input", "hidden", 6, 7, DelayKind.SYNAPTIC, new DelayRealisation.Linear(), false, 1.5),
                connection(r, "hidden.recurrent", "hidden", "hidden", 7, 7, DelayKind.SYNAPTIC,
                        new DelayRealisation.Linear(), true, 0.8),
                connection(r, "readout", "hidden", "readout", 7, 3, DelayKind.NONE, new DelayRealisation.Linear(), false, 1));
        return new NetworkDescription(TimeBase.stepped(STEP), 40, pops, cons, "input", "readout", "mean_output");
    }

    /** input(5) -> LIF(6, zero reset, axonal whole-step delays) -> CubaLIF(4, dendritic linear) -> LIF(3). */
    static NetworkDescription axonalDendritic(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Population> pops = List.of(new Population("input", 5, new Neuron.Source()),
                new Population("h1", 6, new Neuron.Lif(5, 0.8, Reset.ZERO)),
                new Population("h2", 4, new Neuron.CubaLif(3, 6, 1.0, Reset.ZERO)),
                new Population("out", 3, new Neuron.Lif(7, 1.0, Reset.SUBTRACT)));
        List<Connection> cons = List.of(
                connection(r, "h1", "input", "h1", 5, 6, DelayKind.AXONAL, new DelayRealisation.WholeSteps(false), false, 1.2),
                connection(r, "h2", "h1", "h2", 6, 4, DelayKind.DENDRITIC, new DelayRealisation.Linear(), false, 1.5),
                connection(r, "out", "h2", "out", 4, 3, DelayKind.NONE, new DelayRealisation.WholeSteps(true), false, 2.0));
        return new NetworkDescription(TimeBase.stepped(STEP), 40, pops, cons, "input", "out", "most_spikes");
    }

    /**
     * SLAYER SRM layers as the delay-only models have them: input(6) -> hidden SRM(8, per-synapse
     * whole-step delays, a recurrent per-synapse projection) -> out SRM(3, axonal linear delays);
     * {@code refractory = false} leaves the refractory response out.
     */
    static NetworkDescription srm(long seed, boolean refractory) {
        SplittableRandom r = new SplittableRandom(seed);
        double scale = refractory ? 2 : 0;
        List<Population> pops = List.of(new Population("input", 6, new Neuron.Source()),
                new Population("hidden", 8, new Neuron.Srm(3, 1, scale, 1.0)),
                new Population("out", 3, new Neuron.Srm(4, 1.5, scale, 1.5)));
        List<Connection> cons = List.of(
                connection(r, "hidden", "input", "hidden", 6, 8, DelayKind.SYNAPTIC, new DelayRealisation.WholeSteps(true),
                        false, 1.5),
                connection(r, "hidden.recurrent", "hidden", "hidden", 8, 8, DelayKind.SYNAPTIC,
                        new DelayRealisation.WholeSteps(true), true, 0.4),
                connection(r, "out", "hidden", "out", 8, 3, DelayKind.AXONAL, new DelayRealisation.Linear(), false, 1.2));
        return new NetworkDescription(TimeBase.stepped(STEP), 40, pops, cons, "input", "out", "most_spikes");
    }

    /** Random input spikes, [step][channel]. */
    static double[][] input(long seed, int steps, int channels, double rate) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[steps][channels];
        for (double[] row : x) {
            for (int i = 0; i < channels; i++) {
                row[i] = r.nextDouble() < rate ? 1 : 0;
            }
        }
        return x;
    }

    /** The engine's output layer over the window, [step][neuron]. */
    static double[][] runEngine(NetworkDescription d, double[][] x) {
        SteppedNetwork net = SteppedDescriptions.build(d, SteppedDescriptions.Options.forInference());
        return runEngine(d, x, net.layerCount() - 1);
    }

    /** The engine's layer {@code layer} (0 = first after the input) over the window, [step][neuron]. */
    static double[][] runEngine(NetworkDescription d, double[][] x, int layer) {
        SteppedNetwork net = SteppedDescriptions.build(d, SteppedDescriptions.Options.forInference());
        SpikeEvents in = new SpikeEvents(net.steps());
        in.clear();
        for (int t = 0; t < net.steps(); t++) {
            for (int i = 0; i < x[t].length; i++) {
                if (x[t][i] != 0) {
                    in.add(t, i, x[t][i]);
                }
            }
        }
        in.finish();
        Activity a = net.newActivity();
        net.forward(in, a);
        int n = net.layer(layer).size();
        double[] out = a.spikes(layer);
        double[][] rows = new double[net.steps()][n];
        for (int t = 0; t < net.steps(); t++) {
            System.arraycopy(out, t * n, rows[t], 0, n);
        }
        return rows;
    }

    /** A NIR graph's outputs over {@code x}'s steps. */
    static double[][] runGraph(NirGraph g, double[][] x, double dt) {
        return runGraph(g, x, dt, null);
    }

    /** Node {@code node}'s output (the Output nodes' for null) over {@code x}'s steps. */
    static double[][] runGraph(NirGraph g, double[][] x, double dt, String node) {
        NirSimulation sim = NirSimulation.build(g, NirSimulation.Options.exact(dt));
        double[][] rows = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            sim.step(x[t]);
            rows[t] = node == null ? sim.outputs() : sim.output(node).clone();
        }
        return rows;
    }

    static double maxDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[t].length; i++) {
                max = Math.max(max, Math.abs(a[t][i] - b[t][i]));
            }
        }
        return max;
    }

    static int count(double[][] a) {
        int n = 0;
        for (double[] row : a) {
            for (double v : row) {
                n += v != 0 ? 1 : 0;
            }
        }
        return n;
    }
}
