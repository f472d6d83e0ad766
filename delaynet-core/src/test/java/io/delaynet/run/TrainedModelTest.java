package io.delaynet.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.data.mnist.SharedData;
import io.delaynet.event.DelGradLearner;
import io.delaynet.event.EventDescriptions;
import io.delaynet.event.EventNetwork;
import io.delaynet.event.EventTrace;
import io.delaynet.model.NetworkDescription;
import io.delaynet.stepped.SteppedLearner;
import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.stepped.network.SteppedDescriptions;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.stepped.network.TestNetworks;
import io.delaynet.train.Split;
import io.delaynet.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model written by each engine loads without its data set and rebuilds, from its network
 * description alone, a network that computes what the trained one computes; model files written
 * before descriptions existed still load and evaluate.
 */
class TrainedModelTest {
    @TempDir
    Path temp;

    @Test
    void anEventModelRebuildsFromItsDescription() throws IOException {
        Path dir = train("yinyang-synaptic.yaml", List.of("training.epochs=2"), null);
        TrainedModel model = TrainedModel.load(dir);
        NetworkDescription network = model.storedNetwork().orElseThrow();
        assertEquals("first_spike_lif", network.population("layer1").orElseThrow().neuron().type());
        EventNetwork rebuilt = EventDescriptions.build(network);
        DelGradLearner trained = (DelGradLearner) model.experiment().learner();
        EventTrace a = trained.network().newTrace();
        EventTrace b = rebuilt.newTrace();
        for (int i = 0; i < 100; i++) {
            double[] input = trained.data(Split.TEST).inputs()[i];
            assertArrayEquals(trained.network().forward(input, a).clone(), rebuilt.forward(input, b).clone(), "sample " + i);
        }
    }

    @Test
    void aSteppedModelLoadsWithoutItsDataAndRebuildsFromItsDescription() throws IOException {
        Path data = SharedData.directoryOrSkip();
        Path dir = train("mnist-delays-only.yaml", List.of("training.epochs=1", "data.train_limit=64",
                "data.eval_limit=32", "network.hidden=[40]"), data);
        TrainedModel model = TrainedModel.load(dir); // no data folder: building the experiment would fail
        NetworkDescription network = model.network();
        assertEquals(40, network.population("layer1").orElseThrow().size());
        assertEquals(0.001, network.time().unitSeconds());
        ConfigException needsData = assertThrows(ConfigException.class, model::experiment);
        assertTrue(needsData.getMessage().contains("--data-dir"), needsData.getMessage());
        SteppedNetwork rebuilt = SteppedDescriptions.build(network, SteppedDescriptions.Options.forInference());
        SteppedNetwork trained = ((SteppedLearner) TrainedModel.load(dir, new RunContext(data)).experiment().learner())
                .network();
        for (long s = 0; s < 5; s++) {
            SpikeEvents input = TestNetworks.randomInput(s, trained.steps(), 784, 0.05, false);
            Activity x = trained.newActivity();
            Activity y = rebuilt.newActivity();
            trained.forward(input, x);
            rebuilt.forward(input, y);
            assertArrayEquals(x.spikes(1), y.spikes(1));
            assertArrayEquals(x.membrane(0), y.membrane(0));
        }
    }

    @Test
    void modelFilesOfVersionTwoStillLoadAndEvaluate() throws IOException {
        Path dir = train("yinyang-axonal.yaml", List.of("training.epochs=2"), null);
        String v3 = Files.readString(new RunFolder(dir).model());
        int from = v3.indexOf("\n  \"network\" : {") + 1;
        int to = v3.indexOf("\n  \"parameters\" : {") + 1;
        assertTrue(from > 0 && to > from);
        Path old = temp.resolve("old-model.json");
        Files.writeString(old, (v3.substring(0, from) + v3.substring(to)).replace("\"version\" : 3", "\"version\" : 2"));
        TrainedModel model = TrainedModel.load(old);
        assertFalse(model.storedNetwork().isPresent());
        RunSummary summary = RunSummary.read(new RunFolder(dir).summary());
        assertEquals(summary.testAccuracy(), model.evaluate(Split.TEST).accuracy());
        DescriptionEquality.assertSame(TrainedModel.load(dir).network(), model.network());
    }

    private Path train(String example, List<String> overrides, Path data) {
        ResolvedConfig config = ResolvedConfig.resolve(Path.of("..", "examples", example), overrides);
        Path dir = temp.resolve(example.replace(".yaml", ""));
        TrainingRun.start(config, dir, new RunContext(data)).execute(TrainingListener.NONE);
        return dir;
    }

    /** Field-by-field equality of descriptions (records holding arrays compare arrays by reference). */
    static final class DescriptionEquality {
        static void assertSame(NetworkDescription a, NetworkDescription b) {
            assertEquals(io.delaynet.io.Json.write(io.delaynet.model.DescriptionJson.toJson(a)),
                    io.delaynet.io.Json.write(io.delaynet.model.DescriptionJson.toJson(b)));
        }
    }
}
