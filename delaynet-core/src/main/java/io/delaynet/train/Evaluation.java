package io.delaynet.train;

/** Mean loss and accuracy over a split, plus the per-sample predictions for inspection. */
public record Evaluation(Split split, double loss, double accuracy, int[] predictions, int[] labels) {
    public int size() {
        return labels.length;
    }
}
