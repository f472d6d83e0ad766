package io.delaynet.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.io.Json;
import io.delaynet.train.TrainingListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** summary.json written and read in one place: every value comes back exactly. */
class RunSummaryTest {
    private static final RunSummary SAMPLE = new RunSummary("delgrad", "yinyang-synaptic", 0.986, 0.99, 0.9868,
            0.001358030943893823, 300, 0.0212, 420, 2000, 2, 8.2, 277, 0.958);

    @Test
    void jsonRoundTripIsExactAndKeepsTheFileOrder() {
        assertEquals(SAMPLE, RunSummary.fromJson(Json.parse(SAMPLE.toJson())));
        assertEquals(RunSummary.KEYS, List.copyOf(SAMPLE.toMap().keySet()));
        assertTrue(RunSummary.KEYS.containsAll(RunSummary.MEASURED_KEYS));
        RunSummary silent = new RunSummary("stepped", "x", 0.1, 0.1, 0.1, Double.NaN, 0, Double.NaN, 5, -3,
                1, 0.5, 0, Double.POSITIVE_INFINITY);
        assertEquals(silent, RunSummary.fromJson(Json.parse(silent.toJson())), "NaN and infinity are written as text");
    }

    @Test
    void decisionStepsTravelAndOldSummariesReadThemAsUnknown() {
        RunSummary online = new RunSummary("online", "fsdd", 0.9, 0.9, 0.9, 0.3, 3, 60.0, 50432, 1, 1, 200.0, 3, 0.9,
                31.25, 27.5);
        RunSummary read = RunSummary.fromJson(Json.parse(online.toJson()));
        assertEquals(online, read);
        assertEquals(31.25, read.decisionStepMean());
        assertEquals(27.5, read.decisionStepMedian());
        ObjectNode old = (ObjectNode) Json.parse(online.toJson());
        old.remove("decision_step_mean");
        old.remove("decision_step_median");
        assertTrue(Double.isNaN(RunSummary.fromJson(old).decisionStepMean()));
        assertTrue(Double.isNaN(SAMPLE.decisionStepMedian()), "the short constructor: a method without a read-out over time");
    }

    @Test
    void aSummaryFromBeforeBestEpochSelectionKeptItsLastEpoch() {
        ObjectNode old = (ObjectNode) Json.parse(SAMPLE.toJson());
        old.remove("selected_epoch");
        old.remove("final_epoch_test_accuracy");
        RunSummary read = RunSummary.fromJson(old);
        assertEquals(300, read.selectedEpoch());
        assertEquals(0.986, read.finalTestAccuracy());
    }

    @Test
    void aMissingOrMistypedValueIsNamed(@TempDir Path tmp) throws Exception {
        ObjectNode node = (ObjectNode) Json.parse(SAMPLE.toJson());
        node.remove("test_accuracy");
        assertEquals("no 'test_accuracy'", assertThrows(IllegalArgumentException.class,
                () -> RunSummary.fromJson(node)).getMessage());
        node.put("test_accuracy", "high");
        assertEquals("'test_accuracy' is not a number", assertThrows(IllegalArgumentException.class,
                () -> RunSummary.fromJson(node)).getMessage());
        Path file = tmp.resolve("summary.json");
        Files.writeString(file, "{\"test_accuracy\": 0.9");
        ConfigException e = assertThrows(ConfigException.class, () -> RunSummary.read(file));
        assertTrue(e.getMessage().startsWith(file + " is damaged or truncated ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); restore it, or train the run again in a new folder"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> RunSummary.read(tmp.resolve("none.json")));
        assertTrue(missing.getMessage().startsWith("cannot read " + tmp.resolve("none.json")), missing.getMessage());
    }

    @Test
    void whatARunWritesReadsBackAsWhatItReturned(@TempDir Path tmp) {
        ResolvedConfig config = ResolvedConfig.resolve(null, List.of("training.epochs=1", "training.threads=1",
                "network.layers=[{size: 6, delays: axonal}, {size: 3, delays: axonal}]"));
        TrainingRun run = TrainingRun.start(config, tmp.resolve("run"), new RunContext(null));
        RunSummary returned = run.execute(TrainingListener.NONE);
        assertEquals(returned, RunSummary.read(run.folder().summary()));
    }

    @Test
    void itTravelsAsASerializedObject() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(SAMPLE);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(SAMPLE, in.readObject());
        }
    }
}
