package io.delaynet.model;

/**
 * The clock of a description. Every time in it (time constants, delays, the window) is a multiple
 * of {@code unitSeconds} seconds, which keeps an engine's own numbers exact in the file: a
 * time-stepped network counts in steps ({@code unitSeconds} = its step, {@code dt} = 1), the
 * event-driven one in synaptic time constants ({@code unitSeconds} = tau_s, {@code dt} = 0:
 * continuous time). {@link #seconds} converts for consumers that want SI units (NIR).
 *
 * @param unitSeconds the length of one time unit in seconds (> 0)
 * @param dt          the simulation step in time units; 0 for continuous (event-driven) time
 */
public record TimeBase(double unitSeconds, double dt) {
    public TimeBase {
        if (!(unitSeconds > 0) || Double.isInfinite(unitSeconds)) {
            throw new IllegalArgumentException("time unit must be a positive number of seconds, got " + unitSeconds);
        }
        if (!(dt >= 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be >= 0 time units (0 = continuous), got " + dt);
        }
    }

    /** A time-stepped clock: one unit per step of {@code stepSeconds}. */
    public static TimeBase stepped(double stepSeconds) {
        return new TimeBase(stepSeconds, 1.0);
    }

    /** A continuous-time clock whose unit is {@code unitSeconds}. */
    public static TimeBase continuous(double unitSeconds) {
        return new TimeBase(unitSeconds, 0.0);
    }

    public boolean isContinuous() {
        return dt == 0;
    }

    /** A time of the description in seconds. */
    public double seconds(double units) {
        return units * unitSeconds;
    }
}
