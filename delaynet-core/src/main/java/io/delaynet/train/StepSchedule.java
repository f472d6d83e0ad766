package io.delaynet.train;

/**
 * Step decay of the learning rate per epoch, as PyTorch's StepLR: the factor is
 * {@code gamma^floor(epoch / stepSize)}. A step size of 0 means no decay.
 */
public record StepSchedule(int stepSize, double gamma) {
    public static final StepSchedule NONE = new StepSchedule(0, 1.0);

    public StepSchedule {
        if (stepSize < 0) {
            throw new IllegalArgumentException("schedule step must be >= 0, got " + stepSize);
        }
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("schedule gamma must be > 0, got " + gamma);
        }
    }

    public double factor(int epoch) {
        return stepSize == 0 ? 1.0 : Math.pow(gamma, epoch / stepSize);
    }
}
