package io.delaynet.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.data.audio.CochleaSettings;
import io.delaynet.data.audio.DataSplit;
import io.delaynet.data.audio.EncodedDataset;
import io.delaynet.data.audio.EncodingCache;
import io.delaynet.data.audio.FsddDataset;
import io.delaynet.data.audio.ProgressListener;
import io.delaynet.data.audio.SpikeSample;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of the audio front end: a linear readout of its spike counts must classify the
 * official FSDD test split at 80 % or better. Encodes all 3000 recordings (a few seconds on 2 cores).
 */
class FsddBaselineTest {
    @TempDir
    Path cacheDir;

    @Test
    void linearReadoutOfSpikeCountsReachesEightyPercentOnTheOfficialTestSplit() {
        String root = System.getProperty("delaynet.shared.data");
        Assumptions.assumeTrue(root != null, "system property delaynet.shared.data not set; skipping the FSDD baseline");
        Path recordings = Path.of(root).resolve(FsddDataset.RELATIVE_DIR);
        Assumptions.assumeTrue(Files.isDirectory(recordings), recordings + " not found; skipping the FSDD baseline");

        FsddDataset dataset = FsddDataset.load(recordings);
        EncodedDataset encoded = new EncodingCache(cacheDir, Runtime.getRuntime().availableProcessors(), notice -> { })
                .load(dataset, CochleaSettings.DEFAULT, ProgressListener.SILENT);
        DataSplit<SpikeSample> split = encoded.select(dataset.officialSplit());
        BaselineResult result = new LinearReadoutBaseline(SpikeCountFeatures.DEFAULT, SoftmaxRegression.Options.DEFAULT)
                .evaluate(split, FsddDataset.CLASSES);

        System.out.printf("FSDD linear readout: test accuracy %.1f %% (train %.1f %%)%n",
                100 * result.testAccuracy(), 100 * result.trainAccuracy());
        assertEquals(300, result.testSize());
        assertTrue(result.testAccuracy() >= 0.80, "test accuracy " + result.testAccuracy());
    }
}
