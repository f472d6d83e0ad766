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

    /** {@code online:} the third factor, and which rule computes the gradient. */
    public record Online(String feedback, Double feedbackStd, String gradient) {
        public Online {
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
    }

    /** {@code loss:} the read-out's softmax cross-entropy at every step; only the decision is a choice. */
    public record Loss(String decision) {
        public Loss {
            Decision d = Decision.parse(decision);
            if (d != Decision.MEAN_OUTPUT && d != Decision.MAX_OUTPUT) {
                throw new IllegalArgumentException("the online read-out decides by mean_output or max_output, not "
                        + decision);
            }
        }
    }
}
