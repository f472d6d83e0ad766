package io.delaynet.train;

import java.util.List;

/**
 * Gradient-norm clipping as {@code torch.nn.utils.clip_grad_norm_(parameters, max_norm)}: the global
 * L2 norm over every trainable group, and when it exceeds the limit, every gradient multiplied by
 * {@code max_norm / (norm + 1e-6)}. A non-finite norm spreads into the gradient as it does in PyTorch
 * (its {@code error_if_nonfinite=False} default).
 *
 * <p>The sum of squares is taken in {@link Trainer#CHUNKS} slices per group whose boundaries depend only
 * on the group's size, the slice sums added in slice order and the groups in group order, so the norm
 * is the same number for any thread count. (PyTorch takes the norm of the per-tensor norms, which is
 * the same up to rounding.)
 */
public final class GradientClipping {
    /** PyTorch's guard against dividing by a zero norm. */
    public static final double EPSILON = 1e-6;

    private GradientClipping() {
    }

    /** The L2 norm of all trainable groups' gradients together. */
    public static double globalNorm(List<ParameterGroup> groups, double[][] gradients, WorkerPool workers,
                                    int parallelMin) {
        double total = 0;
        for (int g = 0; g < groups.size(); g++) {
            if (!groups.get(g).trainable()) {
                continue;
            }
            double[] grad = gradients[g];
            double[] partial = new double[Trainer.CHUNKS];
            WorkerPool pool = grad.length >= parallelMin ? workers : WorkerPool.SERIAL;
            pool.run(Trainer.CHUNKS, grad.length, (slice, lo, hi) -> {
                double s = 0;
                for (int i = lo; i < hi; i++) {
                    s += grad[i] * grad[i];
                }
                partial[slice] = s;
            });
            for (double s : partial) {
                total += s;
            }
        }
        return Math.sqrt(total);
    }

    /**
     * Scales the trainable gradients in place so that their global norm is at most {@code maxNorm}.
     *
     * @return the norm before clipping
     */
    public static double clip(List<ParameterGroup> groups, double[][] gradients, double maxNorm, WorkerPool workers,
                              int parallelMin) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("the largest gradient norm must be > 0, got " + maxNorm);
        }
        double norm = globalNorm(groups, gradients, workers, parallelMin);
        double coefficient = maxNorm / (norm + EPSILON);
        if (!(coefficient >= 1.0)) { // NaN falls in here too, as torch.clamp passes it on
            GroupSlices.run(groups, workers, parallelMin, g -> (slice, lo, hi) -> {
                double[] grad = gradients[g];
                for (int i = lo; i < hi; i++) {
                    grad[i] *= coefficient;
                }
            });
        }
        return norm;
    }
}
