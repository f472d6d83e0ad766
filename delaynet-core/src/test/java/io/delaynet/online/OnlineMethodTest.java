package io.delaynet.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.run.Methods;
import io.delaynet.run.RunContext;
import io.delaynet.train.ParameterGroup;
import io.delaynet.util.RandomStreams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The method's registration, its configuration errors and the networks its examples build. */
class OnlineMethodTest {
    private final OnlineMethod method = new OnlineMethod();

    @Test
    void isRegisteredUnderItsName() {
        assertEquals(OnlineMethod.class, Methods.byName("online").getClass());
    }

    @Test
    void everyExampleBuildsTheNetworkItsNameSays() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("..", "examples"))) {
            files = list.filter(p -> p.getFileName().toString().contains("-online-")).sorted().toList();
        }
        assertEquals(6, files.size(), "examples: " + files);
        for (Path f : files) {
            String name = f.getFileName().toString();
            OnlineConfig c = ConfigBinder.bind(ConfigTree.merge(method.defaults(), ConfigTree.read(f)),
                    OnlineConfig.class, name);
            assertEquals("online", c.method());
            OnlineMethod.check(c);
            boolean shd = name.startsWith("shd");
            assertEquals(shd ? "shd" : "fsdd", c.data().dataset(), name);
            OnlineNetwork n = OnlineMethod.network(c, shd ? 700 : 64, shd ? 20 : 10, 100, new RandomStreams(1));
            List<String> groups = n.network().parameters().stream().filter(ParameterGroup::trainable)
                    .map(g -> g.name() + ":" + g.size()).toList();
            List<String> expected = switch (name) {
                case "fsdd-online-weights-only.yaml" -> List.of("layer1.weights:8192", "layer2.weights:1280");
                case "fsdd-online-synaptic.yaml", "fsdd-online-spiking-readout.yaml" -> List.of("layer1.weights:8192",
                        "layer1.delays:8192", "layer2.weights:1280");
                case "fsdd-online-axonal.yaml" -> List.of("layer1.weights:8192", "layer1.delays:64",
                        "layer2.weights:1280");
                case "fsdd-online-recurrent-synaptic.yaml" -> List.of("layer1.weights:8192", "layer1.delays:8192",
                        "layer1.recurrent.weights:16384", "layer1.recurrent.delays:16384", "layer2.weights:1280");
                case "shd-online-recurrent-synaptic.yaml" -> List.of("layer1.weights:89600", "layer1.delays:89600",
                        "layer1.recurrent.weights:16384", "layer1.recurrent.delays:16384", "layer2.weights:2560");
                default -> throw new AssertionError("unexpected example " + name);
            };
            assertEquals(expected, groups, name);
            assertEquals(name.contains("spiking-readout"), n.spikingReadout() != null, name);
        }
    }

    @Test
    void theDefaultsAreTheRecurrentSynapticExample() {
        OnlineConfig defaults = ConfigBinder.bind(method.defaults(), OnlineConfig.class, "defaults");
        OnlineConfig example = ConfigBinder.bind(ConfigTree.merge(method.defaults(),
                ConfigTree.read(Path.of("..", "examples", "fsdd-online-recurrent-synaptic.yaml"))), OnlineConfig.class, "x");
        assertEquals(defaults.network(), example.network());
        assertEquals(defaults.online(), example.online());
    }

    @Test
    void mistakesAreOneLineErrorsNamingTheFix() {
        ConfigException e = assertThrows(ConfigException.class, () -> OnlineMethod.check(
                OnlineFixtures.config("network: {hidden: [32, 16], weights: {layers: [{mean: 0, std: 1}, "
                        + "{mean: 0, std: 1}, {mean: 0, std: 1}]}}")));
        assertTrue(e.getMessage().contains("set online.feedback: random"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> OnlineMethod.check(
                OnlineFixtures.config("network: {delays: {max: null}}")));
        assertTrue(e.getMessage().contains("set network.delays.max"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> OnlineMethod.check(
                OnlineFixtures.config("network: {neuron: {model: srm}}")));
        assertTrue(e.getMessage().contains("use lif or cuba_lif"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> method.build(ConfigTree.merge(method.defaults(),
                ConfigTree.parse("online: {feedbak: random}", "t")), new RunContext(null)));
        assertTrue(e.getMessage().contains("feedbak"), e.getMessage());
        assertThrows(ConfigException.class, () -> OnlineFixtures.config("loss: {decision: earliest_spike}"));
    }

    @Test
    void theSpikingReadoutIsConfiguredAndCheckedInOneLine() {
        OnlineConfig spiking = OnlineFixtures.config("network: {readout: {model: spiking}}");
        OnlineMethod.check(spiking);
        assertEquals("most_spikes", spiking.loss().decision(), "null decides by the read-out's own rule");
        assertEquals(Math.exp(-10.0 / 50.0), spiking.traceDecay(), 1e-15);
        assertEquals("mean_output", OnlineFixtures.config("loss: {decision: null}").loss().decision());
        assertEquals("earliest_spike", OnlineFixtures.config(
                "network: {readout: {model: spiking}}\nloss: {decision: earliest_spike}").loss().decision());
        for (String[] mistake : new String[][] {
                {"network: {readout: {model: spiking}}\nloss: {decision: mean_output}", "most_spikes or earliest_spike"},
                {"network: {readout: {model: spiking}}\nloss: {trace_tau_ms: 0}", "trace_tau_ms must be a positive"},
                {"loss: {trace_tau_ms: -3}", "trace_tau_ms must be a positive"},
                {"network: {readout: {model: cuba_lif}}", "use spiking or leaky_integrator"},
                {"network: {readout: {model: spiking}}\nloss: {decision: first}", "unknown decision"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> OnlineFixtures.config(mistake[0]), mistake[0]);
            assertTrue(e.getMessage().contains(mistake[1]), e.getMessage());
            assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
        }
    }

    @Test
    void randomFeedbackServesEveryHiddenLayerAndIsFixedBySeed() {
        String yaml = "network: {hidden: [12, 8], recurrent: false, weights: {layers: [{mean: 0, std: 1}, "
                + "{mean: 0, std: 1}, {mean: 0, std: 0.5}]}}\nonline: {feedback: random}";
        OnlineNetwork a = OnlineFixtures.network(yaml, 5, 3, 20);
        OnlineNetwork b = OnlineFixtures.network(yaml, 5, 3, 20);
        RandomSpikes samples = new RandomSpikes(5, 3, 1, 1, 0.3);
        double[][] ga = OnlineVersusBpttTest.onlineGradient(a, samples, 0);
        double[][] gb = OnlineVersusBpttTest.onlineGradient(b, samples, 0);
        assertEquals(5, ga.length); // two hidden layers (weights, delays) and the read-out
        for (int g = 0; g < ga.length; g++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(ga[g], gb[g], 0.0);
        }
    }
}
