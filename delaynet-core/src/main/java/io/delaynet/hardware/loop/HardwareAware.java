package io.delaynet.hardware.loop;

import io.delaynet.hardware.chip.ChipParameters;

/**
 * Hardware-aware training: make the host's model of the network match what the chip can hold.
 *
 * @param roundWeights the deployed weights, which the chip receives and the host's backward pass
 *                     uses, are rounded to the chip's grid; the optimizer keeps updating the float
 *                     weights (straight through), as in the DelGrad reference's rounding_precision
 * @param clipWeights  float weights are clipped to the chip's largest weight after every step (the
 *                     reference's clip_weights_max = 63 levels × 1/30 = 2.1)
 * @param resolution   the chip's weight grid
 */
public record HardwareAware(boolean roundWeights, boolean clipWeights, ChipParameters.WeightResolution resolution) {

    /** Weights as deployed: rounded to the grid if configured. */
    public double deploy(double w) {
        return roundWeights ? resolution.quantise(w) : w;
    }

    /** The bound on float weights after a step (+inf when not clipping or for continuous weights). */
    public double weightBound() {
        return clipWeights ? resolution.maxWeight() : Double.POSITIVE_INFINITY;
    }
}
