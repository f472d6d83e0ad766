package io.delaynet.run.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.io.Checkpoint;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunSummary;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.TrainingListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2-configuration x 2-seed sweep of tiny Yin-Yang runs (3 epochs each): the table does not depend
 * on how many points train at once, and a sweep stopped part-way and run again ends with the table
 * of one that ran straight through.
 */
class SweepTest {
    private static final String TINY = """
            network:
              layers:
                - {size: 6, delays: %s}
                - {size: 3, delays: %s}
            training:
              epochs: 3
              threads: 1
            """;
    private static final List<String> DELAYS = List.of("synaptic", "axonal");
    private static final List<Long> SEEDS = List.of(1L, 2L);
    private static final RunContext CONTEXT = new RunContext(null);

    @TempDir
    Path tmp;

    private static Sweep sweep(Path dir, String... overrides) {
        List<SweepPoint> points = new ArrayList<>();
        for (String delays : DELAYS) {
            ConfigText config = new ConfigText(TINY.formatted(delays, delays), "tiny-" + delays + ".yaml",
                    "tiny-" + delays);
            for (long seed : SEEDS) {
                points.add(new SweepPoint(Map.of("delays", delays), seed, config, List.of(overrides),
                        dir.resolve(delays + "-seed" + seed)));
            }
        }
        return new Sweep(List.of("delays"), points);
    }

    private static String numbers(SweepTable table) {
        return table.csv(RunSummary.MEASURED_KEYS);
    }

    @Test
    void theTableDoesNotDependOnHowManyPointsRunAtOnce() {
        SweepTable one = sweep(tmp.resolve("one")).run(new LocalSweepRunner(1, CONTEXT), SweepListener.NONE);
        SweepTable two = sweep(tmp.resolve("two")).run(new LocalSweepRunner(2, CONTEXT), SweepListener.NONE);
        assertEquals(numbers(one), numbers(two));

        List<String> lines = numbers(one).lines().toList();
        assertEquals(5, lines.size());
        assertEquals("delays,seed,method,config,test_accuracy,validation_accuracy,train_accuracy,test_loss,epochs,"
                + "parameters,threads,selected_epoch,final_epoch_test_accuracy,decision_step_mean,decision_step_median,run_folder",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("synaptic,1,delgrad,tiny-synaptic,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("axonal,2,delgrad,tiny-axonal,"), lines.get(4));
        assertTrue(lines.get(4).endsWith(",axonal-seed2"), lines.get(4));
        assertEquals(one.rows().get(0).summary(), RunSummary.read(tmp.resolve("one/synaptic-seed1/summary.json")));
        assertNotEquals(one.rows().get(0).summary().testAccuracy(), one.rows().get(1).summary().testAccuracy(),
                "the seeds give different networks (else the test could not tell points apart)");
        for (SweepTable.Row row : one.rows()) {
            assertEquals(3, row.summary().epochs());
            assertEquals(row.point().seed(), row.summary().seed());
        }
    }

    @Test
    void aSweepStoppedAfterItsFirstPointResumesToTheSameTable() {
        SweepTable straight = sweep(tmp.resolve("straight")).run(new LocalSweepRunner(1, CONTEXT), SweepListener.NONE);
        Path dir = tmp.resolve("stopped");
        SweepListener stopAfterFirst = new SweepListener() {
            @Override
            public void finished(int point, RunSummary summary) {
                throw new IllegalStateException("stopped after point " + point);
            }
        };
        IllegalStateException stop = assertThrows(IllegalStateException.class,
                () -> sweep(dir).run(new LocalSweepRunner(1, CONTEXT), stopAfterFirst));
        assertEquals("stopped after point 0", stop.getMessage());
        assertTrue(Files.isRegularFile(dir.resolve("synaptic-seed1/summary.json")));
        assertFalse(Files.exists(dir.resolve("synaptic-seed2")), "no point starts after a stop");

        List<RunTask.Action> actions = sweep(dir).tasks().stream().map(RunTask::plan).toList();
        assertEquals(List.of(RunTask.Action.KEEP, RunTask.Action.START, RunTask.Action.START, RunTask.Action.START),
                actions);
        long kept = dir.resolve("synaptic-seed1/summary.json").toFile().lastModified();
        SweepTable resumed = sweep(dir).run(new LocalSweepRunner(2, CONTEXT), SweepListener.NONE);
        assertEquals(numbers(straight), numbers(resumed));
        assertEquals(straight.rows().get(0).summary().testAccuracy(), resumed.rows().get(0).summary().testAccuracy());
        assertEquals(kept, dir.resolve("synaptic-seed1/summary.json").toFile().lastModified(), "finished runs are kept");
    }

    @Test
    void aPointInterruptedMidRunResumesFromItsCheckpoint() throws Exception {
        SweepTable straight = sweep(tmp.resolve("straight")).run(new LocalSweepRunner(1, CONTEXT), SweepListener.NONE);
        Path dir = tmp.resolve("interrupted");
        SweepListener killSecondPointInEpochTwo = new SweepListener() {
            @Override
            public TrainingListener training(int point) {
                return point != 1 ? TrainingListener.NONE : new TrainingListener() {
                    @Override
                    public void epochDone(EpochMetrics metrics) {
                        if (metrics.epoch() == 1) {
                            throw new IllegalStateException("killed");
                        }
                    }
                };
            }
        };
        assertThrows(IllegalStateException.class,
                () -> sweep(dir).run(new LocalSweepRunner(1, CONTEXT), killSecondPointInEpochTwo));
        Path second = dir.resolve("synaptic-seed2");
        assertEquals(2, Checkpoint.read(second.resolve("checkpoint.bin")).nextEpoch());
        assertFalse(Files.exists(second.resolve("summary.json")));
        assertEquals(RunTask.Action.RESUME, sweep(dir).tasks().get(1).plan());

        SweepTable resumed = sweep(dir).run(new LocalSweepRunner(1, CONTEXT), SweepListener.NONE);
        assertEquals(numbers(straight), numbers(resumed));
    }

    @Test
    void moreEpochsExtendFinishedRunsAsIfTheyHadRunStraightThrough() {
        Path dir = tmp.resolve("extended");
        sweep(dir).run(new LocalSweepRunner(2, CONTEXT), SweepListener.NONE);
        Sweep longer = sweep(dir, "training.epochs=4");
        assertTrue(longer.tasks().stream().allMatch(t -> t.plan() == RunTask.Action.EXTEND));
        SweepTable extended = longer.run(new LocalSweepRunner(2, CONTEXT), SweepListener.NONE);
        SweepTable straight = sweep(tmp.resolve("four"), "training.epochs=4")
                .run(new LocalSweepRunner(2, CONTEXT), SweepListener.NONE);
        assertEquals(numbers(straight), numbers(extended));
        assertEquals(4, extended.rows().get(3).summary().epochs());

        ConfigException fewer = assertThrows(ConfigException.class, () -> sweep(dir).run(
                new LocalSweepRunner(1, CONTEXT), SweepListener.NONE));
        assertEquals(dir.resolve("synaptic-seed1") + " already holds a run of 4 epochs, more than the 3 asked for; "
                + "choose another --out folder", fewer.getMessage());
    }

    @Test
    void aFolderHoldingAnotherConfigurationIsRefusedBeforeAnythingTrains() throws Exception {
        Path dir = tmp.resolve("changed");
        sweep(dir).tasks().get(3).run(CONTEXT, TrainingListener.NONE);
        long before = Files.getLastModifiedTime(dir.resolve("axonal-seed2/summary.json")).toMillis();
        ConfigException e = assertThrows(ConfigException.class, () -> sweep(dir, "loss.delta_t=0.3")
                .run(new LocalSweepRunner(1, CONTEXT), SweepListener.NONE));
        assertTrue(e.getMessage().startsWith(dir.resolve("axonal-seed2") + " holds a run of another configuration "
                + "(loss.delta_t is "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" there, 0.3 here); choose another --out folder, or delete "
                + dir.resolve("axonal-seed2") + " to train it again"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("synaptic-seed1")), "checked before the first point trains");
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("axonal-seed2/summary.json")).toMillis());
        // the thread count is free: it changes no number
        assertEquals(RunTask.Action.KEEP, sweep(dir, "training.threads=2").tasks().get(3).plan());
    }

    @Test
    void aTaskTravelsAsASerializedValueAndRunsTheSameElsewhere() throws Exception {
        RunTask task = sweep(tmp.resolve("here")).tasks().get(2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        }
        RunTask copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RunTask) in.readObject();
        }
        assertEquals(task, copy);
        RunSummary here = task.run(CONTEXT, TrainingListener.NONE);
        RunTask elsewhere = new RunTask(copy.config(), copy.overrides(), tmp.resolve("elsewhere").toString());
        RunSummary there = elsewhere.run(CONTEXT, TrainingListener.NONE);
        assertEquals(here.testAccuracy(), there.testAccuracy());
        assertEquals(here.testLoss(), there.testLoss());
        assertEquals(here.trainAccuracy(), there.trainAccuracy());
    }

    @Test
    void misbuiltSweepsAreRefused() {
        Sweep ok = sweep(tmp.resolve("s"));
        List<SweepPoint> same = new ArrayList<>(ok.points());
        same.set(1, same.get(0));
        assertTrue(assertThrows(ConfigException.class, () -> new Sweep(List.of("delays"), same)).getMessage()
                .contains("would both train in"));
        assertThrows(IllegalArgumentException.class, () -> new Sweep(List.of("kind"), ok.points()));
        assertTrue(assertThrows(ConfigException.class, () -> new Sweep(List.of("config"), List.of())).getMessage()
                .contains("sweep axis 'config' is also a column of the table"));
        assertThrows(ConfigException.class, () -> new LocalSweepRunner(0, CONTEXT));
    }

    @Test
    void aFolderWithOtherFilesIsNoPlaceForARun() throws Exception {
        Path dir = tmp.resolve("busy");
        Files.createDirectories(dir.resolve("synaptic-seed1"));
        Files.writeString(dir.resolve("synaptic-seed1/notes.txt"), "mine");
        ConfigException e = assertThrows(ConfigException.class, () -> sweep(dir).tasks().get(0).plan());
        assertEquals(dir.resolve("synaptic-seed1") + " is not empty but holds no run (no config.yaml); empty it, "
                + "or choose another --out folder", e.getMessage());
    }

    @Test
    void cellsAreQuotedOnlyWhereCsvNeedsIt() {
        assertEquals("plain", SweepTable.quoted("plain"));
        assertEquals("\"a,b\"", SweepTable.quoted("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", SweepTable.quoted("say \"hi\""));
        assertEquals("\"two\nlines\"", SweepTable.quoted("two\nlines"));
    }

    @Test
    void aTreeConfigurationResolvesLikeItsText() {
        ConfigText text = new ConfigText(TINY.formatted("axonal", "axonal"), "t.yaml", "t");
        ConfigText tree = ConfigText.of(ConfigTree.parse(text.text(), "t.yaml"), "t");
        assertEquals(new RunTask(text, List.of("training.seed=3"), tmp).resolve().tree(),
                new RunTask(tree, List.of("training.seed=3"), tmp).resolve().tree());
        assertEquals("delgrad", new RunTask(ConfigText.builtIn(), List.of(), tmp).resolve().name());
    }
}
