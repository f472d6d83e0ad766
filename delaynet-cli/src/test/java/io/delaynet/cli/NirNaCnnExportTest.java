package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.io.Json;
import io.delaynet.nir.NirFile;
import io.delaynet.nir.NirGraph;
import io.delaynet.nir.NirSimulation;
import io.delaynet.run.RunContext;
import io.delaynet.run.TrainedModel;
import io.delaynet.stepped.SteppedLearner;
import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.train.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The neighbourhood-aggregation CNN example (filtered LIF neurons, conv - pool - conv - pool - dense),
 * shrunk and trained briefly, with pooling layers of spiking neurons and with the example's own
 * pooling without neurons (the release's): its NIR export is Conv2d, SumPool2d, Flatten and CubaLIF
 * nodes (and a marked identity Scale per pooling without neurons), and run with NIR's equations it
 * spikes at the engine's steps on test images (intensity input), and imported again it evaluates
 * exactly like the original.
 */
class NirNaCnnExportTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"{type: pool, size: 2}", "{type: pool, size: 2, weight: 1.1, neurons: false}"})
    void naCnnExportSpikesAtTheEnginesSteps(String pool) {
        boolean neurons = !pool.contains("neurons: false");
        String data = System.getProperty("delaynet.shared.data");
        assumeTrue(data != null && Files.isDirectory(Path.of(data).resolve("mnist")), "MNIST not available");
        Path run = tmp.resolve("run");
        Cli.Result train = Cli.run("train", "--config", Path.of("..", "examples", "mnist-na-cnn.yaml"), "--set",
                "network.layers=[{type: conv, channels: 3, kernel: 5}, " + pool + ", {type: conv, channels: 4, "
                        + "kernel: 5}, " + pool + "]", "--set", "network.hidden=[20]", "--set",
                "data.train_limit=64", "--set", "data.eval_limit=16", "--set", "data.validation_size=16", "--set",
                "training.epochs=1", "--set", "training.threads=1", "--out", run, "--progress", "none", "--no-report",
                "--data-dir", data);
        assertEquals(0, train.status(), train.err());
        Path nir = tmp.resolve("cnn.nir");
        Cli.Result export = Cli.run("export", "--model", run, "--format", "nir", "--out", nir);
        assertEquals(0, export.status(), export.err());
        NirGraph g = NirFile.read(nir);
        assertEquals(2, g.ofType("Conv2d").size(), g.nodes().keySet().toString());
        assertEquals(2, g.ofType("SumPool2d").size(), g.nodes().keySet().toString());
        assertEquals(1, g.ofType("Flatten").size(), g.nodes().keySet().toString());
        assertTrue(g.ofType("CubaLIF").size() >= (neurons ? 5 : 3), g.nodes().keySet().toString());
        long passThrough = g.ofType("Scale").stream()
                .filter(n -> io.delaynet.nir.NirNames.PASS_THROUGH.equals(n.metadata().get(io.delaynet.nir.NirNames.NEURON)))
                .count();
        assertEquals(neurons ? 0 : 2, passThrough, g.nodes().keySet().toString());

        TrainedModel model = TrainedModel.load(run, new RunContext(Path.of(data)));
        SteppedLearner learner = (SteppedLearner) model.experiment().learner();
        SteppedNetwork net = learner.network();
        NirSimulation sim = NirSimulation.build(g, NirSimulation.Options.exact(model.network().time().unitSeconds()));
        int samples = Math.min(16, learner.samples().size(Split.TEST));
        int spikes = 0;
        for (int s = 0; s < samples; s++) {
            SpikeEvents in = new SpikeEvents(net.steps());
            learner.samples().encode(Split.TEST, s, in);
            Activity a = net.newActivity();
            net.forward(in, a);
            double[] x = new double[net.inputSize()];
            sim.clear();
            for (int t = 0; t < net.steps(); t++) {
                java.util.Arrays.fill(x, 0);
                for (int k = in.from(t); k < in.to(t); k++) {
                    x[in.neuron(k)] += in.value(k);
                }
                sim.step(x);
                for (int l = 0; l < net.layerCount(); l++) {
                    String name = net.layer(l).name();
                    double[] engine = a.spikes(l);
                    double[] out = sim.output(name);
                    boolean spiking = net.layer(l).neuron().spiking();
                    for (int j = 0; j < out.length; j++) {
                        // a pooling without neurons passes sums: the engine's weighted sum and NIR's
                        // sum-then-scale may round apart; spikes must fall at the same steps exactly
                        assertEquals(engine[t * out.length + j], out[j], spiking ? 0 : 1e-12,
                                "sample " + s + ", step " + t + ", " + name + " " + j);
                        spikes += spiking && out[j] != 0 ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("NA CNN export (%s) run with NIR's equations: %d test samples, %d spikes in %d layers, all at "
                + "the engine's steps%n", pool, samples, spikes, net.layerCount());
        assertTrue(spikes > 0, "the network never spiked");

        Path imported = tmp.resolve("imported");
        Cli.Result in = Cli.run("import", nir, "--out", imported);
        assertEquals(0, in.status(), in.err());
        JsonNode before = Json.parse(Cli.run("eval", "--model", run, "--split", "test", "--json", "--data-dir", data).out());
        JsonNode after = Json.parse(Cli.run("eval", "--model", imported, "--split", "test", "--json", "--data-dir", data).out());
        assertTrue(before.get("samples").asInt() > 0);
        assertEquals(before.get("samples").asInt(), after.get("samples").asInt());
        assertEquals(before.get("correct").asInt(), after.get("correct").asInt());
        assertEquals(before.get("loss").asDouble(), after.get("loss").asDouble(), 1e-9);
        System.out.printf("NA CNN imported back: %d of %d test images correct, loss %s (original %s)%n",
                after.get("correct").asInt(), after.get("samples").asInt(), after.get("loss"), before.get("loss"));
    }
}
