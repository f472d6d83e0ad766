package io.delaynet.stepped.loss;

/**
 * Cross-entropy of the softmax over the output neurons' spike counts: the usual rate-coded
 * classification loss of surrogate-gradient networks. Every step of a neuron receives the same
 * gradient {@code softmax(counts)_k - [k == label]}.
 */
public record CountCrossEntropy() implements SpikeLoss {
    @Override
    public double evaluate(double[] spikes, int steps, int classes, int label, double[] gradient) {
        double[] counts = new double[classes];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                counts[k] += spikes[t * classes + k];
            }
        }
        double[] p = Softmax.probabilities(counts);
        if (gradient != null) {
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < classes; k++) {
                    gradient[t * classes + k] = p[k] - (k == label ? 1.0 : 0.0);
                }
            }
        }
        return Softmax.crossEntropy(counts, label);
    }
}
