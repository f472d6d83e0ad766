package io.delaynet.train;

import java.util.Objects;

/**
 * A named block of trainable numbers that shares one learning rate: the weights of a projection,
 * its raw delay parameters, and so on. The optimizer sees only these flat arrays, so every
 * learning method (event-driven, time-stepped, online) trains through the same code.
 *
 * @param name     unique, stable name (used in checkpoints, reports and gradient dumps)
 * @param values   the live parameter values, updated in place by the optimizer
 * @param rateKey  which learning rate applies, e.g. "weights" or "delays"
 * @param trainable false for frozen groups (delay-only training keeps weights here with false)
 */
public record ParameterGroup(String name, double[] values, String rateKey, boolean trainable) {
    public ParameterGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(rateKey, "rateKey");
    }

    public int size() {
        return values.length;
    }
}
