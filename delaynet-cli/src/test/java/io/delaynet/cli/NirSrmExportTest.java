package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.io.Json;
import io.delaynet.model.Connection;
import io.delaynet.model.NetworkDescription;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The delay-only MNIST example (SLAYER SRM neurons, frozen weights, trained per-synapse whole-step
 * delays), shrunk to a 784-30-10 network on a subset: exported to NIR it is the SRM's standard
 * nodes with the model's delays (h5py reads them back), and imported again it evaluates exactly
 * like the original. The 784-30 layer's fan-out would exceed the limit, so it is written as a lag
 * bank; the 30-10 layer keeps its fan-out: both expansions are checked.
 */
class NirSrmExportTest {
    @TempDir
    Path tmp;

    /** Per-synapse delays in seconds, post-major, as h5py sees them: from a lag bank or a fan-out's Delay node. */
    private static final String SCRIPT = """
            import h5py, json, sys
            def s(x):
                return x.decode() if isinstance(x, bytes) else str(x)
            out = {'types': {}, 'shapes': {}, 'delays': {}}
            with h5py.File(sys.argv[1], 'r') as f:
                nodes = f['node/nodes']
                for name, g in nodes.items():
                    out['types'][name] = s(g['type'][()])
                    for k in ('weight', 'delay', 'threshold'):
                        if k in g:
                            out['shapes'][name + '/' + k] = list(g[k].shape)
                def meta(g, key):
                    return s(g['metadata'][key][()]) if 'metadata' in g and key in g['metadata'] else None
                for proj in sys.argv[2:]:
                    lags = [n for n, g in nodes.items() if meta(g, 'delaynet.projection') == proj]
                    if lags:
                        d = None
                        for n in lags:
                            lag = float(nodes[n]['delay'][0])
                            w = nodes[n[:-len('.delay')] + '.weight']['weight'][()]
                            if d is None:
                                d = [[None] * w.shape[1] for _ in range(w.shape[0])]
                            for j in range(w.shape[0]):
                                for i in range(w.shape[1]):
                                    if w[j][i] != 0:
                                        d[j][i] = lag
                        out['delays'][proj] = [x for row in d for x in row]
                    else:
                        out['delays'][proj] = nodes[proj + '.delay']['delay'][()].tolist()
            print(json.dumps(out))
            """;

    @Test
    void delayOnlySrmModelExportsWithItsDelaysAndImportsBackExactly() throws Exception {
        String data = System.getProperty("delaynet.shared.data");
        assumeTrue(data != null && Files.isDirectory(Path.of(data).resolve("mnist")), "MNIST not available");
        // -Ddelaynet.nir.srm.model=RUN_DIR checks a delay-only model trained elsewhere (e.g. the full 784-800-10 one).
        String given = System.getProperty("delaynet.nir.srm.model");
        Path run = given != null ? Path.of(given) : tmp.resolve("run");
        Cli.Result train = given != null ? new Cli.Result(0, "", "") : Cli.run("train", "--config", Path.of("..", "examples", "mnist-delays-only.yaml"), "--set",
                "network.hidden=[30]", "--set", "data.train_limit=64", "--set", "data.eval_limit=48", "--set",
                "data.validation_size=48", "--set", "training.epochs=1", "--set", "training.threads=1", "--out", run,
                "--progress", "none", "--no-report", "--data-dir", data);
        assertEquals(0, train.status(), train.err());

        Path nir = tmp.resolve("srm.nir");
        Cli.Result export = Cli.run("export", "--model", run, "--format", "nir", "--out", nir);
        assertEquals(0, export.status(), export.err());
        NirGraph g = NirFile.read(nir);
        for (String layer : List.of("layer1", "layer2")) {
            assertEquals("CubaLI", g.node(layer + ".psp").type());
            assertEquals("Delay", g.node(layer + ".psp_delay").type());
            assertEquals("Threshold", g.node(layer).type());
            assertEquals("CubaLI", g.node(layer + ".refractory").type());
        }
        NetworkDescription d = TrainedModel.load(run).network();
        double dt = d.time().unitSeconds();

        String python = python();
        if (python != null) {
            Path script = tmp.resolve("read.py");
            Files.writeString(script, SCRIPT);
            Process p = new ProcessBuilder(python, script.toString(), nir.toString(), "layer1", "layer2")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python did not finish");
            assertEquals(0, p.exitValue(), text);
            JsonNode read = Json.parse(text);
            assertEquals("Threshold", read.get("types").get("layer1").asString());
            assertEquals("CubaLI", read.get("types").get("layer1.psp").asString());
            assertEquals("Linear", read.get("types").get("layer2.fanout").asString());
            int hidden = d.population("layer1").orElseThrow().size();
            assertEquals("[" + hidden + "]", read.get("shapes").get("layer1/threshold").toString());
            assertEquals("[" + hidden + ",784]", read.get("shapes").get("layer1.lag0.weight/weight").toString());
            assertEquals("[" + hidden * 10 + "," + hidden + "]", read.get("shapes").get("layer2.fanout/weight").toString());
            for (Connection c : d.connections()) {
                JsonNode delays = read.get("delays").get(c.name());
                assertEquals(c.pre() * c.post(), delays.size(), c.name());
                int moved = 0;
                for (int k = 0; k < delays.size(); k++) {
                    double expected = Math.floor(c.delays()[k]) * dt;
                    assertEquals(expected, delays.get(k).asDouble(), 1e-12, c.name() + " synapse " + k);
                    moved += Math.floor(c.delays()[k]) != 0 ? 1 : 0;
                }
                assertTrue(moved > 0, c.name() + ": all delays are 0");
            }
        }

        // NIR's equations (delaynet's own simulator of the file) against the engine, sample by sample.
        TrainedModel model = TrainedModel.load(run, new RunContext(Path.of(data)));
        SteppedLearner learner = (SteppedLearner) model.experiment().learner();
        SteppedNetwork net = learner.network();
        NirSimulation sim = NirSimulation.build(g, NirSimulation.Options.exact(dt));
        int samples = Math.min(48, learner.samples().size(Split.TEST));
        int spikes = 0;
        for (int s = 0; s < samples; s++) {
            SpikeEvents in = new SpikeEvents(net.steps());
            learner.samples().encode(Split.TEST, s, in);
            Activity a = net.newActivity();
            net.forward(in, a);
            double[] engine = a.spikes(net.layerCount() - 1);
            double[] x = new double[net.inputSize()];
            sim.clear();
            for (int t = 0; t < net.steps(); t++) {
                java.util.Arrays.fill(x, 0);
                for (int k = in.from(t); k < in.to(t); k++) {
                    x[in.neuron(k)] += in.value(k);
                }
                sim.step(x);
                double[] out = sim.outputs();
                for (int j = 0; j < out.length; j++) {
                    assertEquals(engine[t * out.length + j], out[j], "sample " + s + ", step " + t + ", output " + j);
                    spikes += out[j] != 0 ? 1 : 0;
                }
            }
        }
        System.out.printf("delay-only SRM export run with NIR's equations: %d test samples, %d output spikes, all at the "
                + "engine's steps%n", samples, spikes);
        assertTrue(spikes > 0, "the output never spiked");

        Path imported = tmp.resolve("imported");
        Cli.Result in = Cli.run("import", nir, "--out", imported);
        assertEquals(0, in.status(), in.err());
        JsonNode before = Json.parse(Cli.run("eval", "--model", run, "--split", "test", "--json", "--data-dir", data).out());
        JsonNode after = Json.parse(Cli.run("eval", "--model", imported, "--split", "test", "--json", "--data-dir", data).out());
        assertEquals(before.get("samples").asInt(), after.get("samples").asInt());
        assertEquals(before.get("correct").asInt(), after.get("correct").asInt());
        assertEquals(before.get("loss").asDouble(), after.get("loss").asDouble(), 1e-9);
        assertTrue(before.get("samples").asInt() > 0);

        // --per-synapse lags: the 30-10 layer as a lag bank too, importing to the same evaluation
        Path lags = tmp.resolve("lags.nir");
        Cli.Result lagExport = Cli.run("export", "--model", run, "--format", "nir", "--out", lags, "--per-synapse", "lags");
        assertEquals(0, lagExport.status(), lagExport.err());
        NirGraph lg = NirFile.read(lags);
        assertTrue(lg.nodes().keySet().stream().anyMatch(n -> n.startsWith("layer2.lag")) && !lg.nodes().containsKey(
                "layer2.fanout"), lg.nodes().keySet().toString());
        Path lagImported = tmp.resolve("lag-imported");
        assertEquals(0, Cli.run("import", lags, "--out", lagImported).status());
        JsonNode viaLags = Json.parse(Cli.run("eval", "--model", lagImported, "--split", "test", "--json", "--data-dir", data)
                .out());
        assertEquals(before.get("correct").asInt(), viaLags.get("correct").asInt());
        assertEquals(before.get("loss").asDouble(), viaLags.get("loss").asDouble(), 1e-9);
        Cli.Result bad = Cli.run("export", "--model", run, "--out", tmp.resolve("bad.nir"), "--per-synapse", "sparse");
        assertEquals(2, bad.status());
        assertTrue(bad.errLines().contains("--per-synapse") && bad.errLines().strip().lines().count() == 1, bad.err());
    }

    private static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import h5py").redirectErrorStream(true).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (java.io.IOException | InterruptedException e) {
                // try the next one
            }
        }
        return null;
    }
}
