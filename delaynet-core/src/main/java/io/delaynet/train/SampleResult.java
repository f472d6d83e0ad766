package io.delaynet.train;

/**
 * What one sample produced: its loss, the predicted class (-1 when the network gave no answer,
 * e.g. no output spike) and the true label.
 *
 * @param decisionStep the number of steps after which the network's running decision stayed at
 *                     its final answer ({@link io.delaynet.stepped.loss.RunningDecision}); -1 where
 *                     a method does not know it (no read-out over time)
 */
public record SampleResult(double loss, int predicted, int label, int decisionStep) {
    public SampleResult(double loss, int predicted, int label) {
        this(loss, predicted, label, -1);
    }

    public boolean correct() {
        return predicted >= 0 && predicted == label;
    }
}
