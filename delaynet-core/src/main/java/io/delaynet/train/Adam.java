package io.delaynet.train;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Adam (Kingma &amp; Ba) over a list of parameter groups, optionally with the AMSGrad variant
 * (Reddi et al.) that the delay-only reference uses. Matches PyTorch's update order: bias
 * corrections on the moments, epsilon added to the square root of the corrected second moment.
 *
 * <p>The learning rate of each group comes from a function of its rate key, so schedules can
 * change rates between steps without the optimizer knowing about them.
 */
public final class Adam {
    private final List<ParameterGroup> groups;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean amsgrad;
    private final double[][] m;
    private final double[][] v;
    private final double[][] vMax;
    private long steps;

    public Adam(List<ParameterGroup> groups, double beta1, double beta2, double epsilon, boolean amsgrad) {
        this.groups = List.copyOf(groups);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.amsgrad = amsgrad;
        int n = this.groups.size();
        m = new double[n][];
        v = new double[n][];
        vMax = new double[n][];
        for (int g = 0; g < n; g++) {
            int size = this.groups.get(g).size();
            m[g] = new double[size];
            v[g] = new double[size];
            vMax[g] = amsgrad ? new double[size] : null;
        }
    }

    /** PyTorch defaults: betas (0.9, 0.999), eps 1e-8. */
    public static Adam withDefaults(List<ParameterGroup> groups, boolean amsgrad) {
        return new Adam(groups, 0.9, 0.999, 1e-8, amsgrad);
    }

    /**
     * One optimizer step. {@code gradients[g]} is the gradient of group g (same length as its
     * values); frozen groups are skipped.
     */
    public void step(double[][] gradients, ToDoubleFunction<String> learningRate) {
        step(gradients, learningRate, WorkerPool.SERIAL, Integer.MAX_VALUE);
    }

    /**
     * As {@link #step(double[][], ToDoubleFunction)}, updating groups of at least
     * {@code parallelMin} values in parallel slices on {@code workers}. The update is elementwise,
     * so the result does not depend on the slicing or the thread count.
     */
    public void step(double[][] gradients, ToDoubleFunction<String> learningRate, WorkerPool workers, int parallelMin) {
        steps++;
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        double sqrtC2 = Math.sqrt(c2);
        for (int g = 0; g < groups.size(); g++) {
            ParameterGroup group = groups.get(g);
            if (!group.trainable()) {
                continue;
            }
            double stepSize = learningRate.applyAsDouble(group.rateKey()) / c1;
            int index = g;
            int size = group.size();
            WorkerPool pool = size >= parallelMin ? workers : WorkerPool.SERIAL;
            pool.run(Trainer.CHUNKS, size, (slice, lo, hi) -> update(index, gradients[index], stepSize, sqrtC2, lo, hi));
        }
    }

    /** The Adam update of elements [lo, hi) of group g. */
    private void update(int g, double[] grad, double stepSize, double sqrtC2, int lo, int hi) {
        double[] x = groups.get(g).values();
        double[] mg = m[g];
        double[] vg = v[g];
        double[] vm = vMax[g];
        for (int i = lo; i < hi; i++) {
            double gi = grad[i];
            mg[i] = beta1 * mg[i] + (1 - beta1) * gi;
            vg[i] = beta2 * vg[i] + (1 - beta2) * gi * gi;
            double second = vg[i];
            if (amsgrad) {
                vm[i] = Math.max(vm[i], vg[i]);
                second = vm[i];
            }
            x[i] -= stepSize * mg[i] / (Math.sqrt(second) / sqrtC2 + epsilon);
        }
    }

    public long steps() {
        return steps;
    }

    /** The optimizer's moments, for checkpoints: keys "m", "v", "vmax" per group index. */
    public State state() {
        return new State(steps, deepCopy(m), deepCopy(v), amsgrad ? deepCopy(vMax) : null);
    }

    public void restore(State state) {
        steps = state.steps();
        copyInto(state.m(), m);
        copyInto(state.v(), v);
        if (amsgrad && state.vMax() != null) {
            copyInto(state.vMax(), vMax);
        }
    }

    /** Snapshot of the optimizer's internal moments. */
    public record State(long steps, double[][] m, double[][] v, double[][] vMax) {
        public Map<String, Object> asMap() {
            return vMax == null ? Map.of("steps", steps, "m", m, "v", v)
                    : Map.of("steps", steps, "m", m, "v", v, "vmax", vMax);
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    private static void copyInto(double[][] from, double[][] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("optimizer state has " + from.length + " groups, expected " + to.length);
        }
        for (int i = 0; i < to.length; i++) {
            if (from[i].length != to[i].length) {
                throw new IllegalArgumentException("optimizer state group " + i + " has " + from[i].length
                        + " values, expected " + to[i].length);
            }
            System.arraycopy(from[i], 0, to[i], 0, to[i].length);
        }
    }
}
