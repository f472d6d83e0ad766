package io.delaynet.stepped.delay;

import java.util.Locale;

/**
 * How a real-valued delay moves a spike on the grid of time steps, and which derivative with
 * respect to the delay the backward pass uses. Delays are never negative here (the projection
 * clamps them), and a spike never lands before it was emitted, so every variant stays causal and
 * can run step by step.
 */
public sealed interface DelayInterpolation {

    /** Writes the taps of a spike delayed by {@code delay >= 0} steps. */
    default void taps(double delay, Taps out) {
        taps(delay, 0, out);
    }

    /**
     * Writes the taps of a spike delayed by {@code delay} steps that may land no earlier than
     * {@code earliest} steps after it was emitted: 0 on feed-forward projections, 1 on recurrent
     * ones (a neuron's spike cannot reach a neuron of its own layer within the step it is
     * emitted). Whole-step and linear taps never land before {@code floor(delay)}, so their
     * callers keep {@code delay >= earliest}; a Gaussian's tail is cut at {@code earliest}.
     */
    void taps(double delay, int earliest, Taps out);

    /** The most taps {@link #taps} writes. */
    int maxTaps();

    /** The whole-step delay a deployed network (one step per slot of a delay buffer) uses. */
    int deployedSteps(double delay);

    /**
     * The reference's shift: the spike arrives whole at step {@code rounding(delay)}. The shift
     * has no derivative, so the backward pass uses the reference's finite difference,
     * {@code dy/dd ~ -(y[t] - y[t-1])}: a slope of -1 at the arrival step and +1 one step later,
     * meaning "a larger delay takes input away from step a and gives it to step a+1".
     */
    record IntegerShift(Rounding rounding) implements DelayInterpolation {
        @Override
        public void taps(double delay, int earliest, Taps out) {
            int a = rounding.steps(delay);
            out.set(0, a, 1.0, -1.0);
            out.set(1, a + 1, 0.0, 1.0);
            out.count = 2;
        }

        @Override
        public int maxTaps() {
            return 2;
        }

        @Override
        public int deployedSteps(double delay) {
            return rounding.steps(delay); // deploy exactly the network that was trained
        }
    }

    /**
     * Linear interpolation between the two neighbouring steps: weight {@code 1-f} at
     * {@code floor(d)} and {@code f} at {@code floor(d)+1}, with f the fractional part. The
     * gradient is exact for this model everywhere except at whole-step delays, where the slope
     * of the weights jumps.
     */
    record Linear() implements DelayInterpolation {
        @Override
        public void taps(double delay, int earliest, Taps out) {
            double floor = Math.floor(delay);
            double f = delay - floor;
            int a = (int) floor;
            out.set(0, a, 1 - f, -1.0);
            out.set(1, a + 1, f, 1.0);
            out.count = 2;
        }

        @Override
        public int maxTaps() {
            return 2;
        }

        @Override
        public int deployedSteps(double delay) {
            return Rounding.ROUND.steps(delay);
        }
    }

    /**
     * A Gaussian bump of width sigma centred on the real delay, sampled at the steps within
     * {@code ceil(3 sigma)} (plus one) of it and normalised to sum to one, so a spike delivers the
     * same total input as with a shift. Steps before the emission (before {@code earliest}) are
     * left out, which keeps it causal. The gradient (quotient rule through the normalisation) is exact for this model
     * except where the set of sampled steps changes, at whole-step delays.
     */
    record Gaussian(double sigma) implements DelayInterpolation {
        public Gaussian {
            if (!(sigma > 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("gaussian delay sigma must be a positive number, got " + sigma);
            }
        }

        private int radius() {
            return (int) Math.ceil(3 * sigma);
        }

        @Override
        public void taps(double delay, int earliest, Taps out) {
            int centre = (int) Math.floor(delay);
            int from = Math.max(earliest, centre - radius());
            int to = centre + radius() + 1;
            double sum = 0;
            double sumSlope = 0;
            int k = 0;
            for (int o = from; o <= to; o++) {
                double z = (o - delay) / sigma;
                double g = Math.exp(-0.5 * z * z);
                double dg = g * z / sigma; // d/d(delay) of exp(-(o - delay)^2 / (2 sigma^2))
                out.set(k++, o, g, dg);
                sum += g;
                sumSlope += dg;
            }
            for (int m = 0; m < k; m++) {
                double g = out.value[m];
                double dg = out.slope[m];
                out.value[m] = g / sum;
                out.slope[m] = (dg * sum - g * sumSlope) / (sum * sum);
            }
            out.count = k;
        }

        @Override
        public int maxTaps() {
            return 2 * radius() + 2;
        }

        @Override
        public int deployedSteps(double delay) {
            return Rounding.ROUND.steps(delay);
        }
    }

    /** Parses the configuration names: integer, linear or gaussian. */
    static DelayInterpolation of(String name, Rounding rounding, double sigma) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "integer" -> new IntegerShift(rounding);
            case "linear" -> new Linear();
            case "gaussian" -> new Gaussian(sigma);
            default -> throw new IllegalArgumentException("unknown delay forward '" + name
                    + "'; use integer, linear or gaussian");
        };
    }
}
