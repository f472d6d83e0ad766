package io.delaynet.online;

import io.delaynet.config.TrainingSection;
import io.delaynet.stepped.SteppedConfig;
import io.delaynet.stepped.loss.Decision;

/**
 * The configuration of the online method, bound with snake_case keys; every key is documented,
 * with its default, in {@code online-defaults.yaml}. The {@code data:} and {@code network:}
 * sections are the time-stepped method's (same keys, same meaning), so a network trained by BPTT
 * and one trained online are configured alike.
 */
public record OnlineConfig(String method, SteppedConfig.Data data, SteppedConfig.Network network, Online online,
                           Loss loss, TrainingSection training) {

    public OnlineConfig {
        if (network != null && loss != null) {
            loss = loss.forReadout(!network.readout().leakyIntegrator());
        }
    }

    /** A spiking read-out ({@code network.readout.model: spiking}) rather than leaky integrators. */
    public boolean spikingReadout() {
        return !network.readout().leakyIntegrator();
    }

    /** The spiking read-out's spike-trace decay per step, exp(-dt / loss.trace_tau_ms). */
    public double traceDecay() {
        return Math.exp(-network.dtMs() / loss.traceTauMs());
    }

    /**
     * {@code online:} the third factor, which rule computes the gradient, whether the training
     * recordings form one unsegmented stream (state never reset between them), and for BPTT the
     * block length in steps that truncates the gradient through recurrent projections (null = none).
     */
    public record Online(String feedback, Double feedbackStd, String gradient, Boolean stream, Integer bpttTruncation) {
        public Online {
            if (bpttTruncation != null && bpttTruncation < 1) {
                throw new IllegalArgumentException("bptt_truncation must be a number of steps >= 1 or null (full BPTT), got "
                        + bpttTruncation);
            }
            // configurations written before streaming existed leave it out: one sequence per recording
            stream = stream != null && stream;
            Feedback.parse(feedback);
            // configurations written before the switch existed leave it out: the three-factor rule
            gradient = gradient == null ? "three_factor" : gradient;
            GradientRule.parse(gradient);
            if (feedbackStd != null && !(feedbackStd > 0 && !feedbackStd.isInfinite())) {
                throw new IllegalArgumentException("feedback_std must be a positive number or null, got " + feedbackStd);
            }
        }

        public GradientRule rule() {
            return GradientRule.parse(gradient);
        }

        /** The recurrent truncation as the stepped engine takes it: 0 = full BPTT. */
        public int recurrentTruncation() {
            return bpttTruncation == null ? 0 : bpttTruncation;
        }
    }

    /**
     * {@code loss:} the softmax cross-entropy at every step, of the leaky integrators' potentials or
     * of the spiking read-out's spike trace (time constant {@code trace_tau_ms}); the decision is a
     * choice, null = the read-out's natural one (mean_output, most_spikes).
     */
    public record Loss(String decision, double traceTauMs) {
        public Loss {
            if (decision != null) {
                Decision.parse(decision);
            }
            if (!(traceTauMs > 0) || Double.isInfinite(traceTauMs)) {
                throw new IllegalArgumentException("trace_tau_ms must be a positive number, got " + traceTauMs);
            }
        }

        /** The decision resolved and checked against the read-out it names a class from. */
        Loss forReadout(boolean spiking) {
            if (decision == null) {
                return new Loss(spiking ? "most_spikes" : "mean_output", traceTauMs);
            }
            Decision d = Decision.parse(decision);
            if (spiking && d != Decision.MOST_SPIKES && d != Decision.EARLIEST_SPIKE) {
                throw new IllegalArgumentException("a spiking read-out (network.readout.model: spiking) decides by "
                        + "most_spikes or earliest_spike, not " + decision + "; set loss.decision to one of them or null");
            }
            if (!spiking && d != Decision.MEAN_OUTPUT && d != Decision.MAX_OUTPUT) {
                throw new IllegalArgumentException("the online read-out decides by mean_output or max_output, not "
                        + decision + " (spike decisions need network.readout.model: spiking)");
            }
            return this;
        }
    }
}
