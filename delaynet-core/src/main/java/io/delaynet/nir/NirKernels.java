package io.delaynet.nir;

import java.util.Arrays;

/**
 * The kernels of the node types {@link NirSimulation} runs, each NIR equation discretised on a
 * step {@code dt} (seconds). {@link NirSimulation.Integration#EXACT}: the input of a step is held
 * over the step (zero-order hold, so an input of 1 in a step is a step current of amplitude 1, the
 * convention of the NIR paper's LIF experiment) and each linear ODE is solved exactly over it,
 * {@code v <- v_leak + (v - v_leak) e + r I (1 - e)} with {@code e = exp(-dt / tau)}; the CubaLIF
 * current is advanced first and the membrane then sees the new current held. {@link
 * NirSimulation.Integration#EULER}: one forward-Euler step of each ODE (the discretisation of
 * Norse and snnTorch). A spike is emitted when {@code v >= v_threshold}; the membrane then goes
 * to {@code v_reset} (NIR; 0 when the file has none), or drops by {@code v_threshold} where the
 * reset is subtractive (the run's option, or this project's node metadata {@code reset =
 * subtract}).
 */
final class NirKernels {
    private NirKernels() {
    }

    /** The kernel of {@code node} fed values of shape {@code inShape} (row-major). */
    static NirKernel compile(NirNode node, int[] inShape, NirSimulation.Options o) {
        if (NirConv.handles(node.type())) {
            return NirConv.compile(node, inShape);
        }
        int n = 1;
        for (int s : inShape) {
            n *= s;
        }
        return compile(node, n, o);
    }

    static NirKernel compile(NirNode node, int n, NirSimulation.Options o) {
        return switch (node.type()) {
            case "Input", "Output" -> new Identity(n);
            case "Affine", "Linear" -> dense(node, n);
            case "Scale" -> new Scale(node.perNeuron("scale", n, null));
            case "Delay" -> new Delay(node, n, o.dt());
            case "LIF", "LI" -> new Lif(node, n, o, node.type().equals("LIF"));
            case "CubaLIF", "CubaLI" -> new CubaLif(node, n, o, node.type().equals("CubaLIF"));
            case "IF", "I" -> new Integrator(node, n, o, node.type().equals("IF"));
            case "Threshold" -> new Threshold(node.perNeuron("threshold", n, null), o.spikeValue());
            default -> throw new NirException("NIR node '" + node.name() + "' has type " + node.type()
                    + ", which delaynet does not simulate", "supported types: " + NirNode.TYPES);
        };
    }

    /** The output size of a node given its input size (matrices change it, the rest keep it). */
    static int outputSize(NirNode node, int n) {
        if (node.type().equals("Affine") || node.type().equals("Linear")) {
            return node.require("weight").shape()[0];
        }
        return n;
    }

    private static NirKernel dense(NirNode node, int n) {
        NirTensor w = node.require("weight");
        if (w.rank() != 2) {
            throw new NirException("NIR node '" + node.name() + "' (" + node.type() + "): weight has rank " + w.rank(),
                    "a weight is a matrix (out x in)");
        }
        if (w.shape()[1] != n) {
            throw new NirException("NIR node '" + node.name() + "' (" + node.type() + ") takes " + w.shape()[1]
                    + " inputs but is fed " + n, "check the shapes along the edges into it");
        }
        double[] bias = node.type().equals("Affine") ? node.perNeuron("bias", w.shape()[0], 0.0) : new double[w.shape()[0]];
        return new Dense(w.shape()[0], n, w.values(), bias);
    }

    private record Identity(int size) implements NirKernel {
        public int inputSize() {
            return size;
        }

        public int outputSize() {
            return size;
        }

        public void step(double[] in, double[] out) {
            System.arraycopy(in, 0, out, 0, size);
        }
    }

    private record Dense(int rows, int cols, double[] w, double[] bias) implements NirKernel {
        public int inputSize() {
            return cols;
        }

        public int[] outputShape(int[] in) {
            return new int[] {rows};
        }

        public int outputSize() {
            return rows;
        }

        public void step(double[] in, double[] out) {
            for (int r = 0; r < rows; r++) {
                double s = bias[r];
                int base = r * cols;
                for (int c = 0; c < cols; c++) {
                    s += w[base + c] * in[c];
                }
                out[r] = s;
            }
        }
    }

    private record Scale(double[] s) implements NirKernel {
        public int inputSize() {
            return s.length;
        }

        public int outputSize() {
            return s.length;
        }

        public void step(double[] in, double[] out) {
            for (int i = 0; i < s.length; i++) {
                out[i] = s[i] * in[i];
            }
        }
    }

    private record Threshold(double[] theta, double spike) implements NirKernel {
        public int inputSize() {
            return theta.length;
        }

        public int outputSize() {
            return theta.length;
        }

        public void step(double[] in, double[] out) {
            for (int i = 0; i < theta.length; i++) {
                out[i] = in[i] >= theta[i] ? spike : 0;
            }
        }
    }

    /**
     * {@code y(t) = x(t - d)} per channel. A delay of {@code d / dt} steps that is not whole is
     * split between the two neighbouring steps (weight 1 - frac at floor, frac at floor + 1), the
     * time-stepped engine's linear realisation, so an exported model's delays run as trained.
     */
    private static final class Delay implements NirKernel {
        private final int n;
        private final int[] whole;
        private final double[] frac;
        private final double[][] ring;
        private int t;

        Delay(NirNode node, int n, double dt) {
            this.n = n;
            double[] d = node.perNeuron("delay", n, null);
            whole = new int[n];
            frac = new double[n];
            int longest = 0;
            for (int i = 0; i < n; i++) {
                if (!(d[i] >= 0) || Double.isInfinite(d[i])) {
                    throw new NirException("NIR node '" + node.name() + "' (Delay): delay " + i + " is " + d[i],
                            "delays are times >= 0 in seconds");
                }
                double steps = d[i] / dt;
                double near = Math.rint(steps);
                if (Math.abs(steps - near) < 1e-9 * Math.max(1, near)) {
                    steps = near;
                }
                whole[i] = (int) Math.floor(steps);
                frac[i] = steps - whole[i];
                longest = Math.max(longest, whole[i] + 1);
            }
            ring = new double[longest + 1][n];
        }

        public int inputSize() {
            return n;
        }

        public int outputSize() {
            return n;
        }

        public void step(double[] in, double[] out) {
            int len = ring.length;
            System.arraycopy(in, 0, ring[t % len], 0, n);
            for (int i = 0; i < n; i++) {
                int a = t - whole[i];
                double y = a >= 0 ? (1 - frac[i]) * ring[a % len][i] : 0;
                if (frac[i] != 0 && a - 1 >= 0) {
                    y += frac[i] * ring[(a - 1) % len][i];
                }
                out[i] = y;
            }
            t++;
        }

        public void clear() {
            for (double[] r : ring) {
                Arrays.fill(r, 0);
            }
            t = 0;
        }
    }

    /**
     * What a neuron node does with its membrane after integrating a step: a spiking node tests the
     * threshold, resets (by subtraction or to v_reset) and emits the run's spike value — and, where
     * the node's metadata says {@code delaynet.first_spike = true} (an event-driven export), nothing
     * after its first spike; a non-spiking node (LI, CubaLI, I) outputs the membrane itself.
     */
    private static final class Firing {
        private final boolean spiking;
        private final boolean subtract;
        private final double[] threshold;
        private final double[] reset;
        private final double value;
        private final boolean firstOnly;
        private final boolean[] spent;

        Firing(NirNode node, int n, NirSimulation.Options o, boolean spiking) {
            this.spiking = spiking;
            subtract = subtractive(node, o);
            threshold = spiking ? node.perNeuron("v_threshold", n, null) : null;
            reset = spiking ? node.perNeuron("v_reset", n, 0.0) : null;
            value = o.spikeValue();
            firstOnly = "true".equals(node.metadata().get(NirNames.FIRST_SPIKE));
            spent = new boolean[n];
        }

        /** Writes neuron i's output for membrane {@code x} into {@code out} and returns the membrane after any reset. */
        double apply(int i, double x, double[] out) {
            if (!spiking) {
                out[i] = x;
                return x;
            }
            boolean spike = x >= threshold[i];
            if (spike) {
                x = subtract ? x - threshold[i] : reset[i];
            }
            out[i] = emit(i, spike);
            return x;
        }

        private double emit(int i, boolean spike) {
            if (!spike || spent[i]) {
                return 0;
            }
            spent[i] = firstOnly;
            return value;
        }

        void clear() {
            Arrays.fill(spent, false);
        }
    }

    /** Whether a spiking node resets by subtraction: the run's choice or the node's metadata. */
    static boolean subtractive(NirNode node, NirSimulation.Options o) {
        return o.reset() == NirSimulation.Reset.SUBTRACT || "subtract".equals(node.metadata().get("reset"));
    }

    private static double decay(double dt, double tau, NirNode node, String key) {
        if (!(tau > 0)) {
            throw new NirException("NIR node '" + node.name() + "' (" + node.type() + "): " + key + " is " + tau,
                    "time constants are > 0 seconds");
        }
        return Math.exp(-dt / tau);
    }

    /** LIF and LI: {@code tau dv/dt = (v_leak - v) + r I}. */
    private static final class Lif implements NirKernel {
        private final int n;
        private final boolean euler;
        private final double dt;
        private final double[] tau;
        private final double[] e;
        private final double[] r;
        private final double[] leak;
        private final double[] v;
        private final Firing fire;

        Lif(NirNode node, int n, NirSimulation.Options o, boolean spiking) {
            this.n = n;
            this.euler = o.integration() == NirSimulation.Integration.EULER;
            this.dt = o.dt();
            tau = node.perNeuron("tau", n, null);
            r = node.perNeuron("r", n, 1.0);
            leak = node.perNeuron("v_leak", n, 0.0);
            fire = new Firing(node, n, o, spiking);
            e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = decay(dt, tau[i], node, "tau");
            }
            v = new double[n];
        }

        public int inputSize() {
            return n;
        }

        public int outputSize() {
            return n;
        }

        public void step(double[] in, double[] out) {
            for (int i = 0; i < n; i++) {
                double x = v[i];
                x = euler ? x + dt / tau[i] * (leak[i] - x + r[i] * in[i])
                        : leak[i] + (x - leak[i]) * e[i] + r[i] * in[i] * (1 - e[i]);
                x = fire.apply(i, x, out);
                v[i] = x;
            }
        }

        public void clear() {
            Arrays.fill(v, 0);
            fire.clear();
        }

        public double[] membrane() {
            return v;
        }
    }

    /** CubaLIF and CubaLI: {@code tau_syn dI/dt = -I + w_in S}, {@code tau_mem dv/dt = (v_leak - v) + r I}. */
    private static final class CubaLif implements NirKernel {
        private final int n;
        private final boolean euler;
        private final double dt;
        private final double[] tauSyn;
        private final double[] tauMem;
        private final double[] es;
        private final double[] em;
        private final double[] r;
        private final double[] leak;
        private final double[] wIn;
        private final double[] current;
        private final double[] v;
        private final Firing fire;

        CubaLif(NirNode node, int n, NirSimulation.Options o, boolean spiking) {
            this.n = n;
            this.euler = o.integration() == NirSimulation.Integration.EULER;
            this.dt = o.dt();
            tauSyn = node.perNeuron("tau_syn", n, null);
            tauMem = node.perNeuron("tau_mem", n, null);
            r = node.perNeuron("r", n, 1.0);
            leak = node.perNeuron("v_leak", n, 0.0);
            wIn = node.perNeuron("w_in", n, 1.0);
            fire = new Firing(node, n, o, spiking);
            es = new double[n];
            em = new double[n];
            for (int i = 0; i < n; i++) {
                es[i] = decay(dt, tauSyn[i], node, "tau_syn");
                em[i] = decay(dt, tauMem[i], node, "tau_mem");
            }
            current = new double[n];
            v = new double[n];
        }

        public int inputSize() {
            return n;
        }

        public int outputSize() {
            return n;
        }

        public void step(double[] in, double[] out) {
            for (int i = 0; i < n; i++) {
                double c = current[i];
                double x = v[i];
                if (euler) {
                    c = c + dt / tauSyn[i] * (wIn[i] * in[i] - c);
                    x = x + dt / tauMem[i] * (leak[i] - x + r[i] * c);
                } else {
                    c = c * es[i] + wIn[i] * in[i] * (1 - es[i]);
                    x = leak[i] + (x - leak[i]) * em[i] + r[i] * c * (1 - em[i]);
                }
                x = fire.apply(i, x, out);
                current[i] = c;
                v[i] = x;
            }
        }

        public void clear() {
            Arrays.fill(current, 0);
            Arrays.fill(v, 0);
            fire.clear();
        }

        public double[] membrane() {
            return v;
        }
    }

    /** IF and I: {@code dv/dt = r I} (exact for a held input under either integration). */
    private static final class Integrator implements NirKernel {
        private final int n;
        private final double dt;
        private final double[] r;
        private final double[] v;
        private final Firing fire;

        Integrator(NirNode node, int n, NirSimulation.Options o, boolean spiking) {
            this.n = n;
            this.dt = o.dt();
            r = node.perNeuron("r", n, 1.0);
            fire = new Firing(node, n, o, spiking);
            v = new double[n];
        }

        public int inputSize() {
            return n;
        }

        public int outputSize() {
            return n;
        }

        public void step(double[] in, double[] out) {
            for (int i = 0; i < n; i++) {
                double x = v[i] + dt * r[i] * in[i];
                x = fire.apply(i, x, out);
                v[i] = x;
            }
        }

        public void clear() {
            Arrays.fill(v, 0);
            fire.clear();
        }

        public double[] membrane() {
            return v;
        }
    }
}
