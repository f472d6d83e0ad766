package io.delaynet.inspect;

import io.delaynet.train.Split;
import java.util.List;

/**
 * The loss of one sample and its gradient with respect to every parameter, as a learning method
 * computes it, for cross-checking against other implementations.
 *
 * @param loss       the sample's loss (the value training would record)
 * @param guarded    whether the method's training safeguards (e.g. DelGrad's weight-gradient guard)
 *                   were applied; without them the gradient is the exact one
 * @param note       anything the reader must know to interpret the numbers (empty if nothing)
 * @param parameters every parameter group, in the method's fixed order
 */
public record SampleGradients(Split split, int sample, int label, int predicted, double loss, boolean guarded,
                              String note, List<ParameterGradient> parameters) {
    public SampleGradients {
        parameters = List.copyOf(parameters);
    }
}
