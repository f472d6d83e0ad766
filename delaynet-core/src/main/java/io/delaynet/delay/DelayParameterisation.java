package io.delaynet.delay;

/**
 * How an unconstrained trainable number becomes a delay. Optimizers move the raw parameter; the
 * network sees {@link #delay(double)}; the chain rule needs {@link #slope(double)}.
 */
public sealed interface DelayParameterisation permits DelayParameterisation.Sigmoid, DelayParameterisation.Clip {

    /** The delay encoded by a raw parameter. */
    double delay(double raw);

    /** d delay / d raw. */
    double slope(double raw);

    /** The raw parameter that encodes a delay (for initialising from delay values). */
    double raw(double delay);

    /** Repairs raw parameters after an optimizer step (clipping); a no-op for bounded forms. */
    default void rectify(double[] raw) {
    }

    /**
     * {@link #delay} and {@link #slope} of every raw parameter at once, the same numbers; a form
     * whose two share work (the sigmoid's exponential) does it once per parameter.
     */
    default void delaysAndSlopes(double[] raw, double[] delay, double[] slope) {
        for (int p = 0; p < raw.length; p++) {
            delay[p] = delay(raw[p]);
            slope[p] = slope(raw[p]);
        }
    }

    /**
     * {@code delay = shift + scale * sigmoid(raw)}: bounded to (shift, shift + scale) without any
     * clipping, so the gradient never dies at a bound, only fades.
     */
    record Sigmoid(double shift, double scale) implements DelayParameterisation {
        public Sigmoid {
            if (!(scale > 0) || Double.isInfinite(scale) || Double.isNaN(shift) || Double.isInfinite(shift)) {
                throw new IllegalArgumentException("sigmoid delays need a finite shift and a scale > 0, got shift "
                        + shift + ", scale " + scale);
            }
        }

        @Override
        public double delay(double raw) {
            return shift + scale * sigmoid(raw);
        }

        @Override
        public double slope(double raw) {
            double s = sigmoid(raw);
            return scale * s * (1 - s);
        }

        /** As {@link #delay} and {@link #slope} compute them, with one sigmoid per parameter (after every step). */
        @Override
        public void delaysAndSlopes(double[] raw, double[] delay, double[] slope) {
            for (int p = 0; p < raw.length; p++) {
                double s = sigmoid(raw[p]);
                delay[p] = shift + scale * s;
                slope[p] = scale * s * (1 - s);
            }
        }

        @Override
        public double raw(double delay) {
            double p = (delay - shift) / scale;
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("delay " + delay + " lies outside the sigmoid range ("
                        + shift + ", " + (shift + scale) + ")");
            }
            return Math.log(p / (1 - p));
        }

        private static double sigmoid(double x) {
            if (x >= 0) {
                return 1 / (1 + Math.exp(-x));
            }
            double e = Math.exp(x);
            return e / (1 + e);
        }
    }

    /** The raw parameter is the delay, clipped to [min, max] after every optimizer step. */
    record Clip(double min, double max) implements DelayParameterisation {
        public Clip {
            if (!(min >= 0) || !(max >= min)) {
                throw new IllegalArgumentException("clipped delays need 0 <= min <= max, got [" + min + ", " + max + "]");
            }
        }

        @Override
        public double delay(double raw) {
            return raw;
        }

        @Override
        public double slope(double raw) {
            return 1.0;
        }

        @Override
        public double raw(double delay) {
            return delay;
        }

        @Override
        public void rectify(double[] raw) {
            for (int i = 0; i < raw.length; i++) {
                raw[i] = Math.min(max, Math.max(min, raw[i]));
            }
        }
    }
}
