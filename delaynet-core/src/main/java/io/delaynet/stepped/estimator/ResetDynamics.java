package io.delaynet.stepped.estimator;

import io.delaynet.stepped.neuron.CubaLifParams;
import io.delaynet.stepped.neuron.FilteredLifParams;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.NeuronModel;

/**
 * One spiking neuron of a layer as neighbourhood aggregation re-simulates it: an input current
 * {@code I[t] = alpha I[t-1] + gain x[t]} that the neuron's own spikes do not change, a membrane
 * {@code u[t] = beta v'[t-1] + I[t]}, a threshold and a reset ({@code v'} = 0 or u - theta after
 * a spike). Plain LIF is the case alpha = 0, gain = 1 (then I = x). The expressions are the
 * forward pass's own, term for term, so a re-simulation without a flip reproduces the recorded
 * window bit for bit.
 */
record ResetDynamics(double alpha, double gain, double beta, double threshold, boolean subtract) {

    /** The dynamics of {@code model}, or an exception naming the models NA can serve. */
    static ResetDynamics of(NeuronModel model) {
        return switch (model) {
            case FilteredLifParams f -> new ResetDynamics(f.alpha(), f.gain(), f.beta(), f.threshold(), false);
            case CubaLifParams c -> new ResetDynamics(c.alpha(), 1, c.beta(), c.threshold(),
                    c.reset() == LifParams.Reset.SUBTRACT);
            case LifParams l -> new ResetDynamics(0, 1, l.beta(), l.threshold(), l.reset() == LifParams.Reset.SUBTRACT);
            default -> throw new IllegalArgumentException("neighbourhood aggregation re-simulates LIF neurons "
                    + "(lif, cuba_lif, filtered_lif), not " + model.getClass().getSimpleName());
        };
    }

    /** Whether NA can re-simulate {@code model}'s neurons (a non-spiking read-out it differentiates exactly). */
    static boolean supports(NeuronModel model) {
        return model instanceof FilteredLifParams || model instanceof CubaLifParams || model instanceof LifParams;
    }

    /** The current after {@code current} and input {@code x}, as the forward pass computes it. */
    double current(double current, double x) {
        if (alpha == 0 && gain == 1) {
            return x; // plain LIF: the forward pass adds the input itself to the decayed membrane
        }
        return alpha * current + gain * x;
    }

    /** The membrane after a step's reset. */
    double afterReset(double u, double z) {
        return subtract ? u - threshold * z : u * (1 - z);
    }
}
