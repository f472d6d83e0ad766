package io.delaynet.stepped.delay;

import java.util.Locale;

/**
 * How a real-valued delay (in steps, never negative) becomes a whole number of steps. FLOOR is
 * what the delay-only reference does in its forward pass (a C cast of a non-negative value);
 * ROUND (half up) is the project's convention when a network is deployed on whole steps.
 */
public enum Rounding {
    FLOOR, ROUND;

    public int steps(double delay) {
        return (int) Math.floor(this == FLOOR ? delay : delay + 0.5);
    }

    public static Rounding parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "floor" -> FLOOR;
            case "round" -> ROUND;
            default -> throw new IllegalArgumentException("unknown rounding '" + name + "'; use floor or round");
        };
    }
}
