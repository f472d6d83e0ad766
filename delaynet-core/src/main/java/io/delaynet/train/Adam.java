package io.delaynet.train;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Adam (Kingma &amp; Ba), optionally with the AMSGrad variant (Reddi et al.) that the delay-only
 * reference uses and an L2 penalty added to the gradient, exactly as {@code torch.optim.Adam(lr,
 * betas=(beta1, beta2), eps, weight_decay, amsgrad)}: {@code g = g + weight_decay * x}, then the
 * moments and update of {@link AdamMoments} (bias corrections on the moments, epsilon added to the
 * square root of the corrected second moment).
 */
public final class Adam implements Optimizer {
    private final AdamMoments moments;
    private final double weightDecay;

    public Adam(List<ParameterGroup> groups, double beta1, double beta2, double epsilon, double weightDecay,
                boolean amsgrad) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
        this.moments = new AdamMoments(type(), groups, beta1, beta2, epsilon, amsgrad);
        this.weightDecay = weightDecay;
    }

    /** Without weight decay. */
    public Adam(List<ParameterGroup> groups, double beta1, double beta2, double epsilon, boolean amsgrad) {
        this(groups, beta1, beta2, epsilon, 0, amsgrad);
    }

    /** PyTorch defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static Adam withDefaults(List<ParameterGroup> groups, boolean amsgrad) {
        return new Adam(groups, 0.9, 0.999, 1e-8, amsgrad);
    }

    @Override
    public String type() {
        return "adam";
    }

    @Override
    public void step(double[][] gradients, ToDoubleFunction<String> learningRate, WorkerPool workers, int parallelMin) {
        moments.step(gradients, learningRate, workers, parallelMin, weightDecay, 0);
    }

    @Override
    public long steps() {
        return moments.steps();
    }

    @Override
    public OptimizerState state() {
        return moments.state();
    }

    @Override
    public void restore(OptimizerState state) {
        moments.restore(state);
    }
}
