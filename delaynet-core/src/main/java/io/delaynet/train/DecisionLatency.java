package io.delaynet.train;

import java.util.Arrays;

/**
 * The decision steps of a split summarised: mean and median over the samples whose step is known
 * (see {@link SampleResult#decisionStep}); NaN when none is (a method without a read-out over time).
 *
 * @param samples how many samples the figures cover
 */
public record DecisionLatency(double meanSteps, double medianSteps, int samples) {
    public static final DecisionLatency UNKNOWN = new DecisionLatency(Double.NaN, Double.NaN, 0);

    /** @param steps per sample; negative entries (unknown) are left out */
    public static DecisionLatency of(int[] steps) {
        int[] known = Arrays.stream(steps).filter(s -> s >= 0).sorted().toArray();
        int n = known.length;
        if (n == 0) {
            return UNKNOWN;
        }
        double sum = 0;
        for (int s : known) {
            sum += s;
        }
        double median = n % 2 == 1 ? known[n / 2] : 0.5 * (known[n / 2 - 1] + known[n / 2]);
        return new DecisionLatency(sum / n, median, n);
    }

    public boolean known() {
        return samples > 0;
    }
}
