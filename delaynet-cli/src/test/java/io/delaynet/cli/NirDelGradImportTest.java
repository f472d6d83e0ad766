package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.event.DelGradLearner;
import io.delaynet.event.EventNetwork;
import io.delaynet.io.Json;
import io.delaynet.run.TrainedModel;
import io.delaynet.train.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A DelGrad (event-driven) model exported to NIR and imported again is a DelGrad model that
 * {@code delaynet eval} runs with the exact event engine: the same output spike times for every
 * test sample (within 1e-9 tau_s; in practice bit for bit) and so the same predictions and loss.
 */
class NirDelGradImportTest {
    @TempDir
    Path tmp;

    /** Axonal delays shared by pairs of lines, dendritic delays, clipped delays: what import must undo. */
    private static final String SHARED = """
            method: delgrad
            network:
              layers:
                - {size: 8, delays: axonal, delay_sharing: 2}
                - {size: 3, delays: dendritic}
              delay: {parameterisation: clip, min: 0.0, max: 3.0, init_mean: 0.5, init_std: 0.3}
            training: {epochs: 2, threads: 1}
            """;

    private void roundTrip(Path run, String name) {
        Path nir = tmp.resolve(name + ".nir");
        Cli.Result export = Cli.run("export", "--model", run, "--format", "nir", "--out", nir);
        assertEquals(0, export.status(), export.err());
        Path imported = tmp.resolve(name + "-imported");
        Cli.Result in = Cli.run("import", nir, "--out", imported);
        assertEquals(0, in.status(), in.err());
        assertTrue(Files.isRegularFile(imported.resolve("model.json")), in.out());

        JsonNode before = Json.parse(Cli.run("eval", "--model", run, "--split", "test", "--json").out());
        JsonNode after = Json.parse(Cli.run("eval", "--model", imported, "--split", "test", "--json").out());
        assertEquals(before.get("samples").asInt(), after.get("samples").asInt());
        assertEquals(before.get("correct").asInt(), after.get("correct").asInt(), name);
        assertEquals(before.get("loss").asDouble(), after.get("loss").asDouble(), 1e-9, name);

        TrainedModel a = TrainedModel.load(run);
        TrainedModel b = TrainedModel.load(imported);
        assertEquals("delgrad", b.config().method().name());
        assertArrayEquals(a.evaluate(Split.TEST).predictions(), b.evaluate(Split.TEST).predictions(), name);
        EventNetwork na = ((DelGradLearner) a.experiment().learner()).network();
        EventNetwork nb = ((DelGradLearner) b.experiment().learner()).network();
        double[][] inputs = ((DelGradLearner) a.experiment().learner()).data(Split.TEST).inputs();
        double worst = 0;
        int spikes = 0;
        for (double[] x : inputs) {
            double[] ta = na.forward(x, na.newTrace()).clone();
            double[] tb = nb.forward(x, nb.newTrace()).clone();
            for (int j = 0; j < ta.length; j++) {
                if (Double.isFinite(ta[j]) || Double.isFinite(tb[j])) {
                    worst = Math.max(worst, Math.abs(ta[j] - tb[j]));
                    spikes += Double.isFinite(ta[j]) ? 1 : 0;
                }
            }
        }
        System.out.printf("DelGrad import round trip (%s): %d output spikes, largest spike-time difference %s tau_s%n",
                name, spikes, worst);
        assertTrue(worst <= 1e-9, name + ": output spike times differ by " + worst);
        assertTrue(spikes > inputs.length, name + ": only " + spikes + " output spikes");
    }

    @Test
    void defaultYinYangModelComesBackAsTheSameEventDrivenModel() throws Exception {
        Path run = SmallRuns.train(tmp, "synaptic", 2);
        roundTrip(run, "synaptic");
        // continuous-time delays have no grid for a lag bank: a one-line error naming the projection
        Cli.Result lags = Cli.run("export", "--model", run, "--out", tmp.resolve("lags.nir"), "--per-synapse", "lags");
        assertEquals(2, lags.status());
        assertTrue(lags.errLines().contains("layer1") && lags.errLines().strip().lines().count() == 1, lags.err());
    }

    @Test
    void sharedClippedAxonalAndDendriticDelaysComeBackAsTheyAct() throws Exception {
        Path config = tmp.resolve("shared.yaml");
        Files.writeString(config, SHARED);
        Path run = tmp.resolve("shared");
        Cli.Result r = Cli.run("train", "--config", config, "--out", run, "--progress", "none", "--no-report");
        assertEquals(0, r.status(), r.err());
        roundTrip(run, "shared");
    }
}
