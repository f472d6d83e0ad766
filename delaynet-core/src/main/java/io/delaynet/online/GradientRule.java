package io.delaynet.online;

import java.util.Locale;

/**
 * How the online method's network gets its gradient ({@code online.gradient}). {@link #THREE_FACTOR}
 * is the method itself: eligibility traces times the fed-back read-out error, accumulated while the
 * sequence plays. {@link #BPTT} trains the very same network (same neurons, delays, read-out without
 * delays, softmax cross-entropy at every step, same surrogate) offline by the time-stepped engine's
 * backpropagation through time, so that "online against offline" compares rules, not networks.
 */
public enum GradientRule {
    THREE_FACTOR, BPTT;

    public static GradientRule parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "three_factor" -> THREE_FACTOR;
            case "bptt" -> BPTT;
            default -> throw new IllegalArgumentException("unknown gradient '" + name + "'; use three_factor or bptt");
        };
    }
}
