package io.delaynet.run.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** Sweep files: the shipped ones expand into the runs they describe, and every malformed one is one line. */
class SweepFileTest {
    private static final Path SWEEPS = Path.of("..", "sweeps");

    @TempDir
    Path tmp;

    @Test
    void theSmokeSweepIsTwoHiddenSizesTimesTwoSeedsOfThreeEpochs() {
        SweepFile file = SweepFile.read(SWEEPS.resolve("smoke.yaml"));
        Sweep sweep = file.sweep(tmp);
        assertEquals(List.of("hidden"), sweep.axes());
        assertEquals(4, sweep.points().size());
        SweepPoint last = sweep.points().get(3);
        assertEquals(Map.of("hidden", "8"), last.labels());
        assertEquals(2, last.seed());
        assertEquals(tmp.resolve("hidden-8_seed2"), last.folder());
        assertEquals(List.of("training.epochs=3", "training.threads=1", "network.layers[0].size=8", "training.seed=2"),
                last.task().overrides());
        ObjectNode tree = last.task().resolve().tree();
        assertEquals(8, tree.at("/network/layers/0/size").asInt());
        assertEquals(3, tree.at("/network/layers/1/size").asInt(), "the output layer is the example's");
        assertEquals("synaptic", tree.at("/network/layers/0/delays").asString());
        assertEquals(3, last.task().resolve().epochs());
        assertEquals("yinyang-synaptic", last.config().name());
    }

    @Test
    void theHiddenSizeStudyIsFourKindsTimesSixSizesTimesFiveSeedsWithTheAuthorsH5Rates() {
        SweepFile file = SweepFile.read(SWEEPS.resolve("yinyang-hidden-size.yaml"));
        Sweep sweep = file.sweep(tmp);
        assertEquals(List.of("delays", "hidden"), sweep.axes());
        assertEquals(4 * 6 * 5, sweep.points().size());
        for (SweepPoint p : sweep.points()) {
            ObjectNode tree = p.task().resolve().tree();
            String kind = p.labels().get("delays");
            assertEquals(kind, tree.at("/network/layers/0/delays").asString());
            assertEquals(kind, tree.at("/network/layers/1/delays").asString());
            assertEquals(Integer.parseInt(p.labels().get("hidden")), tree.at("/network/layers/0/size").asInt());
            assertEquals(300, tree.at("/training/epochs").asInt());
            assertEquals(p.seed(), tree.at("/training/seed").asLong());
            double weights = tree.at("/training/learning_rates/weights").asDouble();
            if (kind.equals("synaptic") && p.labels().get("hidden").equals("5")) {
                assertEquals(0.015, weights);
                assertEquals(0.01, tree.at("/training/learning_rates/delays").asDouble());
            } else if (kind.equals("synaptic")) {
                assertEquals(0.01, weights);
                assertEquals(0.003, tree.at("/training/learning_rates/delays").asDouble());
            } else if (kind.equals("none")) {
                assertEquals(0.02, weights);
            }
        }
        assertEquals("delays-synaptic_hidden-5_seed5", sweep.points().getLast().folder().getFileName().toString());
        assertEquals(new SweepPlot("accuracy-vs-parameters", "parameters", "test_accuracy", "delays",
                "Yin-Yang test accuracy against trainable parameters (mean ± sd over seeds)"), file.plots().getFirst());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown top key    | axes: [{name: h, key: training.epochs, values: [1]}]\\nseeds: [1]\\nsweeps: 1 | unknown key 'sweeps'; a sweep file has axes, base, plots, seeds, set, title, when
            no axes            | seeds: [1] | 'axes' must be a non-empty list
            no seeds           | axes: [{name: h, key: training.epochs, values: [1]}] | 'seeds' must be a non-empty list of whole numbers
            fractional seed    | axes: [{name: h, key: training.epochs, values: [1]}]\\nseeds: [1.5] | 'seeds' must hold whole numbers, got 1.5
            repeated seed      | axes: [{name: h, key: training.epochs, values: [1]}]\\nseeds: [1, 1] | seed 1 appears twice in 'seeds'
            empty values       | axes: [{name: h, key: training.epochs, values: []}]\\nseeds: [1] | 'axes[0].values' must be a non-empty list
            plain value no key | axes: [{name: h, values: [1]}]\\nseeds: [1] | 'axes[0].values[0]' is a plain value, but its axis has no key
            repeated label     | axes: [{name: h, key: training.epochs, values: [1, 1]}]\\nseeds: [1] | axis 'h' has the label '1' twice
            axis is a column   | axes: [{name: parameters, key: training.epochs, values: [1]}]\\nseeds: [1] | axis 'parameters' has the name of a column
            two axes one name  | axes: [{name: h, key: training.epochs, values: [1]}, {name: h, key: training.seed, values: [1]}]\\nseeds: [1] | two axes are named 'h'
            missing example    | axes: [{name: e, key: example, values: [nowhere.yaml]}]\\nseeds: [1] | 'axes[0].values[0]' names nowhere.yaml, which is no file at
            example in set     | set: {example: x.yaml}\\naxes: [{name: h, key: training.epochs, values: [1]}]\\nseeds: [1] | 'set' sets 'example', which is no configuration key
            rule names no axis | axes: [{name: h, key: training.epochs, values: [1]}]\\nwhen: [{match: {k: 1}, set: {training.epochs: 2}}]\\nseeds: [1] | 'when[0].match' names no axis 'k'
            rule no such label | axes: [{name: h, key: training.epochs, values: [1]}]\\nwhen: [{match: {h: 2}, set: {training.epochs: 2}}]\\nseeds: [1] | 'when[0].match': axis 'h' has no label '2'
            plot of text       | axes: [{name: h, key: training.epochs, values: [1]}]\\nseeds: [1]\\nplots: [{name: p, x: method, y: test_accuracy}] | 'plots[0].x' must be an axis or a numeric column
            plot series        | axes: [{name: h, key: training.epochs, values: [1]}]\\nseeds: [1]\\nplots: [{name: p, x: h, y: test_accuracy, series: k}] | 'plots[0].series' must be an axis (h), got 'k'
            """)
    void aMalformedSweepFileIsOneLineNamingTheFile(String what, String text, String message) throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, text.replace("\\n", "\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> SweepFile.read(file));
        assertTrue(e.getMessage().startsWith("sweep file " + file + ": " + message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aMisspeltKeyIsRefusedBeforeAnyRunStarts() throws Exception {
        Path file = tmp.resolve("typo.yaml");
        Files.writeString(file, "set: {training.epoch: 3}\naxes: [{name: h, key: training.batch_size, values: [10]}]\nseeds: [1]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SweepFile.read(file).sweep(tmp.resolve("out")));
        assertEquals("sweep file: method delgrad has no key 'training.epoch'; 'delaynet config --method delgrad' "
                + "lists its keys", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void anOverrideCanSetAnElementOfAListTheConfigurationHolds() {
        ObjectNode tree = ConfigTree.parse("network:\n  layers:\n    - {size: 30}\n    - {size: 3}\n", "t");
        ConfigTree.override(tree, "network.layers[0].size=5");
        assertEquals(5, tree.at("/network/layers/0/size").asInt());
        assertEquals(3, tree.at("/network/layers/1/size").asInt());
        ConfigTree.override(tree, "network.layers[1]={size: 4, delays: axonal}");
        assertEquals("axonal", tree.at("/network/layers/1/delays").asString());
        ConfigException past = assertThrows(ConfigException.class, () -> ConfigTree.override(tree, "network.layers[2].size=1"));
        assertEquals("cannot set 'network.layers[2].size': the configuration has no element 2 of 'network.layers'; "
                + "give the list in the configuration file, then override its elements", past.getMessage());
        ConfigException syntax = assertThrows(ConfigException.class, () -> ConfigTree.override(tree, "network.layers[x].size=1"));
        assertEquals("cannot set 'network.layers[x].size': 'layers[x]' is not key[index] (e.g. layers[0])", syntax.getMessage());
    }
}
