package io.delaynet.run;

/**
 * The headline facts of a finished run, written as summary.json.
 *
 * @param secondsPerEpoch mean wall-clock seconds of the training part of an epoch (no validation)
 * @param parameters      number of trainable parameters
 * @param selectedEpoch   the (1-based) epoch whose parameters the run kept
 * @param finalTestAccuracy test accuracy of the parameters after the last epoch, whatever was kept
 */
public record RunSummary(String method, String config, double testAccuracy, double validationAccuracy,
                         double trainAccuracy, double testLoss, int epochs, double secondsPerEpoch, long parameters,
                         long seed, int threads, double totalSeconds, int selectedEpoch, double finalTestAccuracy) {
}
