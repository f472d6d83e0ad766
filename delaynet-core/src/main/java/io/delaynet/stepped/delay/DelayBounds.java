package io.delaynet.stepped.delay;

/**
 * The range delays are kept in after every optimizer step. The reference clamps at zero from
 * below only; an upper bound is what a deployment with a fixed delay buffer needs.
 *
 * @param min smallest delay in steps, >= 0 (a negative delay would deliver a spike before it exists)
 * @param max largest delay in steps, or +infinity for none
 */
public record DelayBounds(double min, double max) {
    public static final DelayBounds NON_NEGATIVE = new DelayBounds(0, Double.POSITIVE_INFINITY);

    public DelayBounds {
        if (!(min >= 0)) {
            throw new IllegalArgumentException("the smallest delay must be >= 0 steps, got " + min);
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException("the largest delay (" + max + ") must be >= the smallest (" + min + ")");
        }
    }

    public void clamp(double[] delays) {
        for (int i = 0; i < delays.length; i++) {
            delays[i] = Math.min(max, Math.max(min, delays[i]));
        }
    }
}
