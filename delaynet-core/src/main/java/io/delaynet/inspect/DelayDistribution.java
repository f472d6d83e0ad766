package io.delaynet.inspect;

import java.util.Optional;

/**
 * The learned delays of one projection and the range its parameterisation allows. Delays that pile
 * up at a bound have stopped learning (a sigmoid saturates, a clip zeroes the step), so a report
 * flags a projection where more than {@link #CROWDED_FRACTION} of its delays lie within
 * {@link #EDGE_FRACTION} of the range at either end. A range without an upper bound (clipped delays
 * without a maximum) has no width to take the fraction of, so there the lower band is that fraction of
 * the delays' own span above the bound: delays clipped onto the minimum are still found (issue 16).
 *
 * @param name        the delay parameter group, e.g. "layer1.delays"
 * @param description what the projection connects, e.g. "input (4) → layer 1 (30), synaptic"
 * @param delays      the effective delay of every delay parameter
 * @param lower       smallest delay the parameterisation allows
 * @param upper       largest delay the parameterisation allows (may be +inf)
 * @param unit        time unit of the delays, e.g. "τ_s" or "ms"
 */
public record DelayDistribution(String name, String description, double[] delays, double lower, double upper,
                                String unit) {
    /** Width of the band at each end of the range, as a fraction of the range. */
    public static final double EDGE_FRACTION = 0.01;
    /** Fraction of delays in the end bands above which the projection is flagged. */
    public static final double CROWDED_FRACTION = 0.05;

    public DelayDistribution {
        delays = delays.clone();
        if (!(upper >= lower)) {
            throw new IllegalArgumentException(name + ": upper bound " + upper + " below lower bound " + lower);
        }
    }

    /**
     * Fraction of delays within {@link #EDGE_FRACTION} of the range above the lower bound; for a range
     * without upper bound, within that fraction of the largest delay's distance from the bound.
     */
    public double fractionAtLower() {
        return fractionWithin(lower, true);
    }

    /** Fraction of delays within {@link #EDGE_FRACTION} of the range below the upper bound (0 without an upper bound). */
    public double fractionAtUpper() {
        return fractionWithin(upper, false);
    }

    /** Whether so many delays sit at the bounds that the projection deserves a warning. */
    public boolean crowdedAtBounds() {
        return fractionAtLower() + fractionAtUpper() > CROWDED_FRACTION;
    }

    /** A one-line warning naming the projection and how many delays sit at which bound, if crowded. */
    public Optional<String> warning() {
        if (!crowdedAtBounds()) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT,
                "%s: %.1f %% of delays within %.0f %% of the lower bound %s and %.1f %% of the upper bound %s; "
                        + "they have stopped learning (widen the delay range or lower the delay learning rate)",
                name, 100 * fractionAtLower(), 100 * EDGE_FRACTION, format(lower), 100 * fractionAtUpper(), format(upper)));
    }

    private double fractionWithin(double bound, boolean above) {
        double range = upper - lower;
        if (delays.length == 0 || !Double.isFinite(bound) || range == 0) {
            return 0;
        }
        if (!Double.isFinite(range)) {
            range = java.util.Arrays.stream(delays).max().orElse(lower) - lower; // 0 when all sit on the bound
        }
        double band = EDGE_FRACTION * range;
        int n = 0;
        for (double d : delays) {
            if (above ? d <= bound + band : d >= bound - band) {
                n++;
            }
        }
        return (double) n / delays.length;
    }

    private static String format(double v) {
        return Double.isInfinite(v) ? "∞" : String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
