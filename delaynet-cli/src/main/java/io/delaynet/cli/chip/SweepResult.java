package io.delaynet.cli.chip;

/**
 * One finished run of a noise sweep.
 *
 * @param config     the configuration's name (its file's base name)
 * @param noiseScale the chip's backend.noise_scale
 * @param seed       training seed, also used as the chip instance seed
 */
record SweepResult(String config, double noiseScale, long seed, int epochs, double testAccuracy,
                   double validationAccuracy, double trainAccuracy, double finalEpochTestAccuracy, int selectedEpoch,
                   double secondsPerEpoch, String runFolder) {
}
