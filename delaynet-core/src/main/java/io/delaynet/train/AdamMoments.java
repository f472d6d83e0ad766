package io.delaynet.train;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The arithmetic Adam and AdamW share: moments, bias corrections and the parameter update, in the
 * order of PyTorch's single-tensor implementation ({@code torch/optim/adam.py}): with t the step,
 * <pre>
 *   m = beta1 m + (1 - beta1) g          v = beta2 v + (1 - beta2) g g
 *   (AMSGrad) vmax = max(vmax, v), and vmax replaces v below
 *   x = x - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * The maximum is kept of the uncorrected second moment and corrected with the current t, as
 * PyTorch's code does (its older documentation wrote the maximum of the corrected moments).
 * PyTorch updates the first moment with {@code lerp}; we keep the written-out form above, which
 * agrees to rounding and is what every result recorded before the optimizer seam was computed with.
 */
final class AdamMoments {
    static final String EXP_AVG = "exp_avg";
    static final String EXP_AVG_SQ = "exp_avg_sq";
    static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

    private final List<ParameterGroup> groups;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean amsgrad;
    private final GroupBuffers buffers;
    private final double[][] m;
    private final double[][] v;
    private final double[][] vMax;
    private long steps;

    AdamMoments(String type, List<ParameterGroup> groups, double beta1, double beta2, double epsilon, boolean amsgrad) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Adam epsilon must be a finite number >= 0, got " + epsilon);
        }
        this.groups = List.copyOf(groups);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.amsgrad = amsgrad;
        buffers = new GroupBuffers(type, this.groups,
                amsgrad ? List.of(EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ) : List.of(EXP_AVG, EXP_AVG_SQ));
        m = buffers.get(EXP_AVG);
        v = buffers.get(EXP_AVG_SQ);
        vMax = amsgrad ? buffers.get(MAX_EXP_AVG_SQ) : null;
    }

    /**
     * One step. {@code coupledDecay} is added times the parameter to the gradient (Adam's L2
     * penalty); {@code decoupledDecay} shrinks the parameter by {@code 1 - lr * decay} before the
     * update (AdamW). Zero switches either off without touching the arithmetic of plain Adam.
     */
    void step(double[][] gradients, ToDoubleFunction<String> learningRate, WorkerPool workers, int parallelMin,
              double coupledDecay, double decoupledDecay) {
        steps++;
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        double sqrtC2 = Math.sqrt(c2);
        GroupSlices.run(groups, workers, parallelMin, g -> {
            double lr = learningRate.applyAsDouble(groups.get(g).rateKey());
            double stepSize = lr / c1;
            double shrink = 1 - lr * decoupledDecay;
            return (slice, lo, hi) -> update(g, gradients[g], stepSize, sqrtC2, coupledDecay, shrink, lo, hi);
        });
    }

    /** Elements [lo, hi) of group g. */
    private void update(int g, double[] grad, double stepSize, double sqrtC2, double coupledDecay, double shrink,
                        int lo, int hi) {
        double[] x = groups.get(g).values();
        double[] mg = m[g];
        double[] vg = v[g];
        double[] vm = amsgrad ? vMax[g] : null;
        boolean coupled = coupledDecay != 0;
        boolean decoupled = shrink != 1;
        for (int i = lo; i < hi; i++) {
            if (decoupled) {
                x[i] *= shrink;
            }
            double gi = grad[i];
            if (coupled) {
                gi = gi + coupledDecay * x[i];
            }
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

    long steps() {
        return steps;
    }

    OptimizerState state() {
        return buffers.state(steps);
    }

    void restore(OptimizerState state) {
        steps = buffers.restore(state);
    }
}
