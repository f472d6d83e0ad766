/**
 * Transmission delays for every engine: where a delay lives ({@link io.delaynet.delay.DelayKind}: none,
 * axonal, dendritic, synaptic — the one delay kind of the library) and, for the event-driven engine, how an
 * unconstrained trainable number becomes a delay ({@link io.delaynet.delay.DelayParameterisation}: sigmoid
 * or clip). The time-stepped engine's realisation of delays on the step grid is in
 * {@link io.delaynet.stepped.delay}.
 */
package io.delaynet.delay;
