package io.delaynet.model;

/**
 * The dynamics of a population, in the description's time units ({@link TimeBase}). Each variant
 * states its equations exactly as the engine that writes it simulates them, so a consumer (a
 * model file, NIR export, a backend) can map it without guessing; {@code x} is the weighted,
 * delayed input of a step (or, in continuous time, a sum of Dirac pulses of area w).
 */
public sealed interface Neuron {

    /** The model's name in files, e.g. "cuba_lif". */
    String type();

    /** An input population: it only emits the data's spikes. */
    record Source() implements Neuron {
        public String type() {
            return "source";
        }
    }

    /**
     * The event-driven engine's neuron (DelGrad, Fast&amp;Deep), continuous time:
     * {@code du/dt = -u/tauMem + I}, {@code tauSyn dI/dt = -I} with I jumping by w at each input
     * arrival; a spike when u reaches {@code threshold}; only the first spike counts (no reset).
     */
    record FirstSpikeLif(double tauSyn, double tauMem, double threshold) implements Neuron {
        public String type() {
            return "first_spike_lif";
        }
    }

    /**
     * Current-based LIF in discrete time, one step = dt: {@code I[t] = e^(-dt/tauSyn) I[t-1] + x[t]},
     * {@code v[t] = e^(-dt/tauMem) v'[t-1] + I[t]}, spike when {@code v[t] >= threshold}, then
     * reset ({@code v'}).
     */
    record CubaLif(double tauSyn, double tauMem, double threshold, Reset reset) implements Neuron {
        public String type() {
            return "cuba_lif";
        }
    }

    /**
     * The LIF neuron of neighbourhood aggregation (Yang, Zhang &amp; Li 2021), discrete time, one
     * step = dt, with first-order (not exponential-exact) decays and a unit-area synaptic filter:
     * {@code I[t] = (1 - dt/tauSyn) I[t-1] + (dt/tauSyn) x[t]},
     * {@code v[t] = (1 - dt/tauMem) v'[t-1] + I[t]}, spike when {@code v[t] >= threshold}, then
     * reset to zero ({@code v'[t] = 0}). Filtering the weighted input equals the paper's filtering
     * of the presynaptic spikes (both are linear and time-invariant). Both time constants are at
     * least one step.
     */
    record FilteredLif(double tauSyn, double tauMem, double threshold) implements Neuron {
        public FilteredLif {
            if (!(tauSyn >= 1) || Double.isInfinite(tauSyn) || !(tauMem >= 1)) {
                throw new IllegalArgumentException("filtered LIF needs tau_syn and tau_mem of at least one step (tau_syn finite), got "
                        + tauSyn + " and " + tauMem);
            }
        }

        public String type() {
            return "filtered_lif";
        }
    }

    /**
     * LIF without a synaptic filter, discrete time: {@code v[t] = e^(-dt/tauMem) v'[t-1] + x[t]},
     * spike when {@code v[t] >= threshold}, then reset.
     */
    record Lif(double tauMem, double threshold, Reset reset) implements Neuron {
        public String type() {
            return "lif";
        }
    }

    /**
     * SLAYER's spike response model, discrete time: {@code u = eps * x + nu * s} with the alpha
     * kernels {@code eps(t) = (t/tauPsp) e^(1 - t/tauPsp)} and
     * {@code nu(t) = -refractoryScale * threshold * (t/tauRefractory) e^(1 - t/tauRefractory)}
     * sampled at whole steps; spike when {@code u[t] >= threshold}.
     */
    record Srm(double tauPsp, double tauRefractory, double refractoryScale, double threshold) implements Neuron {
        public String type() {
            return "srm";
        }
    }

    /**
     * No neurons: the population's output at each step is its weighted input (a pooling stage that
     * passes its window's sum straight to the next projection, as the NA release pools).
     */
    record PassThrough() implements Neuron {
        public String type() {
            return "pass_through";
        }
    }

    /** A non-spiking read-out, discrete time: {@code v[t] = e^(-dt/tauMem) v[t-1] + x[t]}; the output is v. */
    record LeakyIntegrator(double tauMem) implements Neuron {
        public String type() {
            return "leaky_integrator";
        }
    }
}
