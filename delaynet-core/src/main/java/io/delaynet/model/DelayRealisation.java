package io.delaynet.model;

/**
 * How a projection's real-valued delays move spikes: exactly (continuous time) or onto the step
 * grid of a time-stepped network. A rebuilt network must realise delays the way the one that was
 * trained did, so this belongs to the description.
 */
public sealed interface DelayRealisation {

    /** Continuous time: a spike arrives exactly {@code delay} after it was emitted. */
    record Exact() implements DelayRealisation {
    }

    /** The whole spike arrives at step {@code floor(d)} ({@code floor}) or {@code floor(d + 1/2)}. */
    record WholeSteps(boolean floor) implements DelayRealisation {
    }

    /** Split between steps floor(d) (weight 1 − frac(d)) and floor(d) + 1 (weight frac(d)). */
    record Linear() implements DelayRealisation {
    }

    /** A normalised Gaussian bump of width {@code sigma} (time units) around d, cut to causal steps. */
    record Gaussian(double sigma) implements DelayRealisation {
    }
}
