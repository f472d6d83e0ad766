/**
 * How the time-stepped engine realises real-valued delays on the step grid: a whole-step shift with the
 * reference's finite-difference gradient, or linear / Gaussian interpolation with exact slopes
 * ({@link io.delaynet.stepped.delay.DelayInterpolation}, tabulated per projection in
 * {@link io.delaynet.stepped.delay.TapTable}), their bounds, rounding for deployment, and the ring buffer a
 * step-by-step (deployed or online) simulation moves spikes through ({@link io.delaynet.stepped.delay.DelayBuffer}).
 */
package io.delaynet.stepped.delay;
