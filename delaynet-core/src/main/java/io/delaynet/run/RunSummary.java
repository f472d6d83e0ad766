package io.delaynet.run;

/**
 * The headline facts of a finished run, written as summary.json.
 *
 * @param secondsPerEpoch mean wall-clock seconds of the training part of an epoch (no validation)
 * @param parameters      number of trainable parameters
 */
public record RunSummary(String method, String config, double testAccuracy, double validationAccuracy,
                         double trainAccuracy, double testLoss, int epochs, double secondsPerEpoch, long parameters,
                         long seed, int threads, double totalSeconds) {
}
