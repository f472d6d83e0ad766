/** What reports and {@code delaynet inspect} show of a model, engine-independent: delay distributions with their bounds, per-layer spike times of a sample, per-sample gradients of every parameter. */
package io.delaynet.inspect;
