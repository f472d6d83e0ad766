package io.delaynet.train;

/**
 * What one sample produced: its loss, the predicted class (-1 when the network gave no answer,
 * e.g. no output spike) and the true label.
 */
public record SampleResult(double loss, int predicted, int label) {
    public boolean correct() {
        return predicted >= 0 && predicted == label;
    }
}
