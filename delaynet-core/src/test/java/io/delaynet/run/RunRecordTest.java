package io.delaynet.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.io.ModelFile;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Evaluation;
import io.delaynet.train.Split;
import io.delaynet.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder read back in core: finished or not, with the trained model rebuilt from it. */
class RunRecordTest {
    private static final List<String> TINY = List.of("training.threads=1",
            "network.layers=[{size: 6, delays: synaptic}, {size: 3, delays: synaptic}]");

    private static ResolvedConfig config(int epochs) {
        List<String> all = new java.util.ArrayList<>(TINY);
        all.add("training.epochs=" + epochs);
        return ResolvedConfig.resolve(null, all);
    }

    @Test
    void aFinishedRunReadsBackItsSummaryModelAndHistory(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        RunSummary summary = TrainingRun.start(config(2), dir, new RunContext(null)).execute(TrainingListener.NONE);
        RunRecord record = RunRecord.read(dir);
        assertTrue(record.finished());
        assertEquals(summary, record.summary());
        assertEquals(2, record.history().size());
        assertEquals(2, record.plannedEpochs());
        assertEquals(dir.resolve("model.json"), record.parametersFile());
        Map<String, double[]> model = ModelFile.read(dir.resolve("model.json")).parameters();
        assertEquals(model.keySet(), record.parameters().keySet());
        model.forEach((group, values) -> assertArrayEquals(values, record.parameters().get(group), group));

        TrainedModel trained = TrainedModel.load(dir, new RunContext(null));
        Evaluation test = trained.evaluate(Split.TEST);
        assertEquals(summary.testAccuracy(), test.accuracy(), "the reloaded model is the one the summary measured");
        assertEquals(summary.testLoss(), test.loss());
    }

    @Test
    void anInterruptedRunReadsFromItsCheckpoint(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        TrainingListener stopAfterFirstEpoch = new TrainingListener() {
            @Override
            public void epochDone(EpochMetrics metrics) {
                throw new IllegalStateException("stop");
            }
        };
        TrainingRun run = TrainingRun.start(config(3), dir, new RunContext(null));
        assertThrows(IllegalStateException.class, () -> run.execute(stopAfterFirstEpoch));
        RunRecord record = RunRecord.read(dir);
        assertFalse(record.finished());
        assertEquals(1, record.history().size());
        assertEquals(3, record.plannedEpochs());
        assertEquals(dir.resolve("checkpoint.bin"), record.parametersFile());
        ConfigException e = assertThrows(ConfigException.class, () -> TrainedModel.load(dir, new RunContext(null)));
        assertEquals(dir + " holds no model.json; the run is unfinished: complete it with 'delaynet train --resume "
                + dir + "'", e.getMessage());
    }

    @Test
    void aFolderThatIsNoRunIsNamed(@TempDir Path tmp) {
        assertEquals(tmp + " is not a run folder (no config.yaml); pass the folder that 'delaynet train' created",
                assertThrows(ConfigException.class, () -> RunRecord.read(tmp)).getMessage());
    }
}
