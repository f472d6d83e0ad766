package io.delaynet.online;

import io.delaynet.stepped.neuron.CubaLifParams;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.surrogate.SpikeFunction;
import java.util.Arrays;

/**
 * One layer's LIF or CubaLIF neurons for one worker (a hidden layer, or the spiking read-out),
 * stepped forward one step at a time, with what the eligibility traces need of the step: the surrogate derivative psi_j[t] of each spike and the
 * Jacobian of the membrane after the spike decision with respect to the one before it.
 *
 * <p>CubaLIF ({@link CubaLifParams}) and LIF ({@link LifParams}) share one form; LIF is CubaLIF with
 * a current that does not outlast its step (alpha = 0):
 * <pre>
 *   I[t] = alpha I[t-1] + a[t]      u[t] = beta v'[t-1] + I[t]      z[t] = H(u[t] - theta)
 *   v'[t] = u[t] - theta z[t]  (subtract)   or   u[t] (1 - z[t])  (zero)
 * </pre>
 * the stepped engine's equations ({@code CubaLif.step}, {@code Lif.step}) written out, so the
 * numbers agree with it. The forward pass emits hard spikes; psi comes from the spike function's
 * derivative (the surrogate) and is used by the traces only.
 */
final class LifLayer {
    private final int size;
    private final double alpha;
    private final double beta;
    private final double theta;
    private final boolean subtract;
    private final boolean throughReset;
    private final SpikeFunction spike;
    private final double[] current;
    private final double[] potential;
    private final double[] input;
    private final double[] membrane;
    private final double[] spikes;
    private final double[] psi;
    private final double[] jacobian;

    LifLayer(NeuronModel model, int size, SpikeFunction spike) {
        this.size = size;
        this.spike = spike;
        switch (model) {
            case CubaLifParams c -> {
                alpha = c.alpha();
                beta = c.beta();
                theta = c.threshold();
                subtract = c.reset() == LifParams.Reset.SUBTRACT;
                throughReset = !c.detachReset();
            }
            case LifParams l -> {
                alpha = 0;
                beta = l.beta();
                theta = l.threshold();
                subtract = l.reset() == LifParams.Reset.SUBTRACT;
                throughReset = !l.detachReset();
            }
            default -> throw new IllegalArgumentException("online learning runs lif and cuba_lif neurons, not "
                    + model.getClass().getSimpleName());
        }
        current = new double[size];
        potential = new double[size];
        input = new double[size];
        membrane = new double[size];
        spikes = new double[size];
        psi = new double[size];
        jacobian = new double[size];
    }

    void clear() {
        Arrays.fill(current, 0.0);
        Arrays.fill(potential, 0.0);
    }

    /** The input accumulator of the coming step, zeroed: projections add to it. */
    double[] input() {
        return input;
    }

    void beginStep() {
        Arrays.fill(input, 0.0);
    }

    /** Advances every neuron by one step on {@link #input()}. */
    void step() {
        for (int j = 0; j < size; j++) {
            double i = alpha * current[j] + input[j];
            current[j] = i;
            double u = beta * potential[j] + i;
            double z = spike.spike(u, theta);
            double d = spike.derivative(u, theta);
            potential[j] = subtract ? u - theta * z : u * (1 - z);
            membrane[j] = u;
            spikes[j] = z;
            psi[j] = d;
            double perU = subtract ? 1 : 1 - z;
            double perSpike = subtract ? -theta : -u;
            jacobian[j] = perU + (throughReset ? perSpike * d : 0);
        }
    }

    int size() {
        return size;
    }

    double alpha() {
        return alpha;
    }

    double beta() {
        return beta;
    }

    double[] spikes() {
        return spikes;
    }

    double[] membrane() {
        return membrane;
    }

    double[] psi() {
        return psi;
    }

    double[] jacobian() {
        return jacobian;
    }

    /** The synaptic current I[t] after the step (zeros for LIF's one-step current: it equals the input). */
    double[] current() {
        return current;
    }

    /** The membrane after the spike decision, v'[t]. */
    double[] after() {
        return potential;
    }

    long doubles() {
        return 9L * size;
    }
}
