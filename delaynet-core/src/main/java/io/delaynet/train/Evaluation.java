package io.delaynet.train;

/**
 * Mean loss and accuracy over a split, plus the per-sample predictions for inspection.
 *
 * @param decisionSteps per sample, the step after which its running decision stayed at the final
 *                      answer, -1 where unknown ({@link SampleResult#decisionStep})
 */
public record Evaluation(Split split, double loss, double accuracy, int[] predictions, int[] labels,
                         int[] decisionSteps) {
    public int size() {
        return labels.length;
    }

    /** Mean and median decision step over the split's samples. */
    public DecisionLatency latency() {
        return DecisionLatency.of(decisionSteps);
    }
}
