package io.delaynet.hardware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunSummary;
import io.delaynet.run.TrainingRun;
import io.delaynet.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delgrad-chip method end to end through {@link TrainingRun}. */
class ChipRunTest {
    private static final List<String> SMALL = List.of("method=delgrad-chip", "training.threads=1",
            "network.layers=[{size: 8, delays: axonal, delay_sharing: 5, max_missing_spikes: 0.05},"
                    + " {size: 3, delays: axonal, weights_mean: 0.3, weights_std: 0.15, max_missing_spikes: 0.05}]");

    private static ResolvedConfig config(String... more) {
        List<String> all = new ArrayList<>(SMALL);
        all.addAll(List.of(more));
        return ResolvedConfig.resolve(null, all);
    }

    @Test
    void aResumedRunEndsWithTheNumbersOfAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        RunContext context = new RunContext(null);
        RunSummary straight = TrainingRun.start(config("training.epochs=2"), tmp.resolve("a"), context)
                .execute(TrainingListener.NONE);
        TrainingRun.start(config("training.epochs=1"), tmp.resolve("b"), context).execute(TrainingListener.NONE);
        RunSummary resumed = TrainingRun.resume(tmp.resolve("b"), List.of("training.epochs=2"), context)
                .execute(TrainingListener.NONE);
        assertEquals(straight.testAccuracy(), resumed.testAccuracy());
        assertEquals(straight.validationAccuracy(), resumed.validationAccuracy());
        assertEquals(Files.readString(tmp.resolve("a").resolve("metrics.csv")).lines().map(ChipRunTest::withoutTimes).toList(),
                Files.readString(tmp.resolve("b").resolve("metrics.csv")).lines().map(ChipRunTest::withoutTimes).toList());
        assertTrue(straight.testAccuracy() > 0.4, "learned something: " + straight.testAccuracy());
    }

    @Test
    void aRunThatRecalibratesEveryEpochResumesWithTheNumbersOfAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        RunContext context = new RunContext(null);
        String[] calibrated = {"chip.calibration=measured", "chip.recalibrate_every=1", "chip.repeats=4"};
        RunSummary straight = TrainingRun.start(config(with(calibrated, "training.epochs=2")), tmp.resolve("a"), context)
                .execute(TrainingListener.NONE);
        TrainingRun.start(config(with(calibrated, "training.epochs=1")), tmp.resolve("b"), context)
                .execute(TrainingListener.NONE);
        RunSummary resumed = TrainingRun.resume(tmp.resolve("b"), List.of("training.epochs=2"), context)
                .execute(TrainingListener.NONE);
        assertEquals(straight.testAccuracy(), resumed.testAccuracy());
        assertEquals(metrics(tmp.resolve("a")), metrics(tmp.resolve("b")));
        RunSummary twoThreads = TrainingRun.start(config(with(calibrated, "training.epochs=2", "training.threads=2")),
                tmp.resolve("c"), context).execute(TrainingListener.NONE);
        assertEquals(metrics(tmp.resolve("a")), metrics(tmp.resolve("c")), "the thread count changes nothing");
        assertEquals(straight.testAccuracy(), twoThreads.testAccuracy());
        RunSummary nominal = TrainingRun.start(config("training.epochs=2"), tmp.resolve("d"), context)
                .execute(TrainingListener.NONE);
        assertTrue(nominal.testAccuracy() != straight.testAccuracy()
                || !metrics(tmp.resolve("a")).equals(metrics(tmp.resolve("d"))), "the calibration is used");
    }

    @Test
    void theAuthorsPresetTrainsAndItsBatchNoiseDoesNotDependOnTheThreadCount(@TempDir Path tmp) throws Exception {
        RunContext context = new RunContext(null);
        RunSummary one = TrainingRun.start(config("backend.preset=authors-hw-aware", "training.epochs=1"),
                tmp.resolve("a"), context).execute(TrainingListener.NONE);
        RunSummary three = TrainingRun.start(config("backend.preset=authors-hw-aware", "training.epochs=1",
                "training.threads=3"), tmp.resolve("b"), context).execute(TrainingListener.NONE);
        assertEquals(metrics(tmp.resolve("a")), metrics(tmp.resolve("b")));
        assertEquals(one.testAccuracy(), three.testAccuracy());
        assertTrue(one.testAccuracy() > 0.4, "learned something: " + one.testAccuracy());
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<String> metrics(Path run) throws java.io.IOException {
        return Files.readString(run.resolve("metrics.csv")).lines().map(ChipRunTest::withoutTimes).toList();
    }

    private static String withoutTimes(String csvLine) {
        String[] f = csvLine.split(",");
        return String.join(",", f[0], f[1], f[2], f[3], f[4], f[7]);
    }

    @Test
    void badBackendSettingsAreOneLineConfigErrors() {
        ConfigException type = assertThrows(ConfigException.class,
                () -> config("backend.type=fpga").build(new RunContext(null)));
        assertTrue(type.getMessage().contains("backend.type must be ideal or emulated"), type.getMessage());
        ConfigException key = assertThrows(ConfigException.class,
                () -> config("backend.mismatch.tau_x=0.1").build(new RunContext(null)));
        assertTrue(key.getMessage().contains("tau_x"), key.getMessage());
        ConfigException sd = assertThrows(ConfigException.class,
                () -> config("backend.trial.spike_jitter=-1").build(new RunContext(null)));
        assertTrue(sd.getMessage().contains("trial.spike_jitter"), sd.getMessage());
    }
}
