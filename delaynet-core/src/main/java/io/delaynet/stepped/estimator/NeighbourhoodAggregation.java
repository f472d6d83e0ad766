package io.delaynet.stepped.estimator;

import io.delaynet.stepped.neuron.NeuronState;
import io.delaynet.stepped.surrogate.SpikeFunction;
import java.util.Locale;

/**
 * Backpropagated neighbourhood aggregation (Yang, Zhang &amp; Li, ICML 2021) as a layer
 * estimator: instead of a surrogate derivative of the spike, dL/dI[k] (I the neuron's input
 * current) is estimated for every neuron and step k from the neighbour in which the spike at k is
 * flipped.
 *
 * <p>For neuron j and step k: flip s[k] (add a spike if there was none, remove it otherwise),
 * which takes the potential to the threshold ({@code epsilon[k] = theta - u[k]}, the paper's
 * {@code u ⊞ epsilon}), leave the membrane after k at {@code theta * s[k]} (a removed spike
 * leaves it at theta, an added one resets it to zero) and re-simulate steps k+1.. with the
 * recorded currents: the flip can move, add or remove later spikes (the cascade). The first-order
 * change of the loss is {@code dL = sum_t g[t] (s'[t] - s[t])} with g = dL/ds the gradient
 * arriving from above; it equals the paper's {@code e . (a' - a)} because the synaptic trace a is
 * linear in s. The estimate is {@code delta[k] = dL * w(theta - u[k])} with the released code's
 * weighting {@code clamp(1/(theta-u)^3, -clip, clip)} or the poster's {@code 1/(theta-u)} (as
 * the distance {@code ||u' ⊟ u||} of a one-step neighbour is |theta - u[k]| and the unit direction
 * is its sign, the pseudo-inverse of the poster's aggregation is this division).
 *
 * <p>{@code released} loss change: the released code dots its accumulated error
 * {@code e[t] = g[t] + (1 - 1/tau_s) e[t+1]} with the change of the synaptic trace a, which, in
 * terms of spikes, is {@code sum_t G[t] (s'[t] - s[t])} with {@code G[t] = sum_{t'>=t} alpha^(t'-t) g[t']}
 * (alpha the neuron's current decay): one filter more than the first-order change.
 *
 * <p>Layer-wise normalisation (released code): {@code delta *= 1.2 ln(m_out / (m + 1e-5) + 1.02)},
 * m the mean |delta| of the layer, m_out that of the output layer, the first the backward pass
 * meets; here per sample (the released code averages over its mini-batch).
 *
 * <p>dL/dx, the gradient of the layer's weighted delayed input, follows from dL/dI through the
 * current's filter: {@code dL/dx[t] = gain sum_{t'>=t} alpha^(t'-t) delta[t']}; the projection then
 * turns it into weight and delay gradients. A non-spiking read-out has a true derivative and is
 * differentiated exactly. NA needs every step at once, so it cannot serve a recurrent layer.
 *
 * @param weighting  how the loss change is divided by the distance to the threshold
 * @param clip       the largest magnitude of the weighting (the released code: 5)
 * @param normalise  scale every layer's estimate against the output layer's
 * @param released   use the released code's accumulated error instead of the first-order change
 */
public record NeighbourhoodAggregation(Weighting weighting, double clip, boolean normalise, boolean released)
        implements GradientEstimator {

    /** The released code's settings: cubic weighting clipped at 5, normalised, accumulated error. */
    public static NeighbourhoodAggregation releasedCode() {
        return new NeighbourhoodAggregation(Weighting.CUBIC, 5, true, true);
    }

    /** How the loss change of a flip is divided by the membrane's distance d = theta - u[k]. */
    public enum Weighting {
        /** {@code clamp(1/d^3, -clip, clip)}: the released code. */
        CUBIC,
        /** {@code clamp(1/d, -clip, clip)}: the poster's finite difference (clip = +inf for none). */
        INVERSE;

        public static Weighting parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "cubic" -> CUBIC;
                case "inverse" -> INVERSE;
                default -> throw new IllegalArgumentException("unknown NA weighting '" + name + "'; use cubic or inverse");
            };
        }

        double weight(double distance, double clip) {
            double w = this == CUBIC ? 1 / (distance * distance * distance) : 1 / distance;
            return Math.max(-clip, Math.min(clip, w));
        }
    }

    public NeighbourhoodAggregation {
        java.util.Objects.requireNonNull(weighting, "weighting");
        if (!(clip > 0)) {
            throw new IllegalArgumentException("NA clip must be positive (+inf for none), got " + clip);
        }
    }

    @Override
    public void backward(LayerWindow w, double[] gradOutput, double[] gradInput, NeuronState adjoint,
                         BackwardContext context) {
        if (!w.neuron().spiking()) {
            w.neuron().backpropagate(adjoint, w.membrane(), w.output(), gradOutput, w.steps(), gradInput, w.forward());
            return;
        }
        if (!(w.forward() instanceof SpikeFunction.Threshold)) {
            throw new IllegalStateException("neighbourhood aggregation flips real spikes; the forward pass emits graded "
                    + "outputs (" + w.forward() + ")");
        }
        ResetDynamics d = ResetDynamics.of(w.neuron());
        int n = w.size();
        int steps = w.steps();
        double[] current = new double[steps];
        double[] after = new double[steps];
        double[] error = new double[steps];
        double total = 0;
        for (int j = 0; j < n; j++) {
            estimateNeuron(w, d, j, gradOutput, gradInput, current, after, error);
            for (int t = 0; t < steps; t++) {
                total += Math.abs(gradInput[t * n + j]);
            }
        }
        if (normalise) {
            double mean = total / ((double) n * steps);
            if (Double.isNaN(context.outputErrorScale())) {
                context.setOutputErrorScale(mean);
            }
            double factor = 1.2 * Math.log(context.outputErrorScale() / (mean + 1e-5) + 1.02);
            for (int k = 0; k < steps * n; k++) {
                gradInput[k] *= factor;
            }
        }
        if (d.alpha() != 0 || d.gain() != 1) {
            for (int j = 0; j < n; j++) {
                double carried = 0;
                for (int t = steps - 1; t >= 0; t--) {
                    carried = gradInput[t * n + j] + d.alpha() * carried;
                    gradInput[t * n + j] = d.gain() * carried;
                }
            }
        }
    }

    /** Writes delta[k] = dL/dI[k] of neuron j into its column of {@code delta}. */
    private void estimateNeuron(LayerWindow w, ResetDynamics d, int j, double[] gradOutput, double[] delta,
                                double[] current, double[] after, double[] error) {
        int n = w.size();
        int steps = w.steps();
        double[] x = w.input();
        double[] u = w.membrane();
        double[] s = w.output();
        double theta = d.threshold();
        double i = 0;
        for (int t = 0; t < steps; t++) {
            i = d.current(i, x[t * n + j]);
            current[t] = i;
            after[t] = d.afterReset(u[t * n + j], s[t * n + j]);
        }
        double carried = 0;
        for (int t = steps - 1; t >= 0; t--) {
            carried = gradOutput[t * n + j] + (released ? d.alpha() * carried : 0);
            error[t] = carried;
        }
        for (int k = 0; k < steps; k++) {
            double spiked = s[k * n + j];
            double change = error[k] * (1 - 2 * spiked);
            double v = theta * spiked;
            for (int t = k + 1; t < steps; t++) {
                if (v == after[t - 1]) {
                    break; // the neighbour is back on the recorded trajectory: nothing later changes
                }
                double um = d.beta() * v + current[t];
                double z = w.forward().spike(um, theta);
                change += error[t] * (z - s[t * n + j]);
                v = d.afterReset(um, z);
            }
            delta[k * n + j] = change * weighting.weight(theta - u[k * n + j], clip);
        }
    }

    @Override
    public boolean stepwise() {
        return false;
    }

    @Override
    public void adjointStep(LayerWindow window, int t, double[] gradOutput, double[] gradInput, NeuronState adjoint) {
        throw new UnsupportedOperationException("neighbourhood aggregation needs the whole window");
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "neighbourhood aggregation (%s weighting, clip %s%s%s)",
                weighting.name().toLowerCase(Locale.ROOT), clip, normalise ? ", layer-normalised" : "",
                released ? ", released-code error" : "");
    }
}
