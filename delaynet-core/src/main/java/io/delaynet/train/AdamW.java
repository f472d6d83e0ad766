package io.delaynet.train;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter), exactly as {@code torch.optim.AdamW(lr,
 * betas, eps, weight_decay, amsgrad)}: every step first shrinks the parameters, {@code x = x (1 - lr
 * weight_decay)} with the step's learning rate, then takes the Adam step of {@link AdamMoments} on the
 * unchanged gradient. With weight decay 0 it is {@link Adam} bit for bit.
 */
public final class AdamW implements Optimizer {
    /** PyTorch's default weight decay for AdamW. */
    public static final double DEFAULT_WEIGHT_DECAY = 1e-2;

    private final AdamMoments moments;
    private final double weightDecay;

    public AdamW(List<ParameterGroup> groups, double beta1, double beta2, double epsilon, double weightDecay,
                 boolean amsgrad) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
        this.moments = new AdamMoments(type(), groups, beta1, beta2, epsilon, amsgrad);
        this.weightDecay = weightDecay;
    }

    @Override
    public String type() {
        return "adamw";
    }

    @Override
    public void step(double[][] gradients, ToDoubleFunction<String> learningRate, WorkerPool workers, int parallelMin) {
        moments.step(gradients, learningRate, workers, parallelMin, 0, weightDecay);
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
