package io.delaynet.train;

/**
 * What one epoch measured. Training loss and accuracy are averaged over the samples as they
 * were trained (parameters changing within the epoch); validation is measured after the epoch.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double trainSeconds, double evalSeconds,
                           int skippedSteps) {
}
