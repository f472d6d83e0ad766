package io.delaynet.stepped;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.inspect.LayerSpikes;
import io.delaynet.io.Json;
import io.delaynet.model.DescriptionJson;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Topology;
import io.delaynet.stepped.loss.Decision;
import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.stepped.network.SteppedDescriptions;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.stepped.neuron.FilteredLifParams;
import io.delaynet.stepped.neuron.PassThroughParams;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import io.delaynet.train.TrainingOptions;
import io.delaynet.util.RandomStreams;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small spiking CNN from the configuration ({@code network.layers}) on synthetic 1x8x8 images:
 * training is bit-identical for one and two threads with either estimator, the description
 * round-trips through model.json and rebuilds a network that computes exactly the same, and bad
 * layer specs are one-line configuration errors.
 */
class SteppedCnnTest {
    private static final int STEPS = 5;

    private static final String CNN = """
            data: {dataset: mnist}
            network:
              layers: [{type: conv, channels: 3, kernel: 3}, {type: pool, size: 2}]
              hidden: [12]
              neuron: {model: filtered_lif, threshold: 1.0, filtered_lif: {tau_syn_ms: 2.0, tau_mem_ms: 5.0}}
              estimator: na
              delays: {kind: none}
              weights: {init: kaiming, scale: 3.0, clamp: 4.0}
              train_weights: true
              train_delays: false
            loss: {kind: filtered_kernel, decision: most_spikes}
            """;

    /** 4 classes, each a bright quadrant of an 8x8 image plus noise, as intensities at every step. */
    static final class Quadrants implements SampleSource {
        @Override
        public int inputSize() {
            return 64;
        }

        @Override
        public int[] imageShape() {
            return new int[] {1, 8, 8};
        }

        @Override
        public int classes() {
            return 4;
        }

        @Override
        public int size(Split split) {
            return 48;
        }

        @Override
        public int label(Split split, int index) {
            return index % 4;
        }

        @Override
        public void encode(Split split, int index, SpikeEvents out) {
            SplittableRandom r = new SplittableRandom(split.ordinal() * 1000L + index);
            int label = label(split, index);
            double[] image = new double[64];
            for (int p = 0; p < 64; p++) {
                int quadrant = (p / 8 / 4) * 2 + (p % 8) / 4;
                image[p] = (quadrant == label ? 0.8 : 0.0) + (r.nextDouble() < 0.15 ? 0.5 : 0);
            }
            out.clear();
            for (int t = 0; t < STEPS; t++) {
                for (int p = 0; p < 64; p++) {
                    if (image[p] != 0) {
                        out.add(t, p, image[p]);
                    }
                }
            }
            out.finish();
        }
    }

    private static SteppedConfig config(String yaml) {
        SteppedMethod method = new SteppedMethod();
        ObjectNode tree = ConfigTree.merge(method.defaults(), ConfigTree.parse(yaml, "test"));
        return ConfigBinder.bind(tree, SteppedConfig.class, "test");
    }

    private static SteppedLearner learner(String yaml) {
        SteppedConfig c = config(yaml);
        Quadrants samples = new Quadrants();
        SteppedNetwork net = NetworkFactory.build(c.network(), 64, samples.imageShape(), 4, STEPS,
                new RandomStreams(1), c.loss().decision());
        return new SteppedLearner(net, NetworkFactory.loss(c.loss(), c.network()), Decision.parse(c.loss().decision()),
                samples, true, c.network().weights().clamp());
    }

    private static double[][] train(SteppedLearner learner, int threads) {
        TrainingOptions options = new TrainingOptions(2, 8, 3, threads, java.util.Map.of("weights", 0.01, "delays", 0.01),
                io.delaynet.train.StepSchedule.NONE, true);
        try (Trainer<SteppedWorkspace> trainer = new Trainer<>(learner, options)) {
            trainer.fit(0, TrainingListener.NONE);
        }
        return learner.parameters().stream().map(g -> g.values().clone()).toArray(double[][]::new);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"na", "surrogate"})
    void oneAndTwoThreadsTrainBitIdenticalCnns(String estimator) {
        String yaml = CNN.replace("estimator: na", "estimator: " + estimator);
        SteppedLearner fresh = learner(yaml);
        assertEquals(4, fresh.network().layerCount());
        assertEquals(Topology.Conv2d.class, fresh.network().projection(0).topology().getClass());
        assertEquals(3 * 6 * 6, fresh.network().layer(0).size());
        assertEquals(3 * 3 * 3, fresh.network().layer(1).size());
        double[][] start = fresh.parameters().stream().map(g -> g.values().clone()).toArray(double[][]::new);
        double[][] one = train(learner(yaml), 1);
        double[][] two = train(learner(yaml), 2);
        for (int g = 0; g < one.length; g++) {
            assertArrayEquals(one[g], two[g], 0.0, "group " + g);
        }
        assertFalse(Arrays.equals(start[0], one[0]), "the convolution's weights did not train");
        assertArrayEquals(start[1], one[1], 0.0, "the pooling's fixed weight changed");
    }

    /** The NA release's pooling: no neurons, the window's sum times 1.1 straight into the dense layer. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"na", "surrogate"})
    void aPoolingWithoutNeuronsTrainsBitIdenticallyAndRoundTrips(String estimator) {
        String yaml = CNN.replace("estimator: na", "estimator: " + estimator)
                .replace("{type: pool, size: 2}", "{type: pool, size: 2, weight: 1.1, neurons: false}");
        SteppedLearner fresh = learner(yaml);
        assertEquals(PassThroughParams.class, fresh.network().layer(1).neuron().getClass());
        assertEquals(FilteredLifParams.class, fresh.network().layer(0).neuron().getClass());
        double[][] start = fresh.parameters().stream().map(g -> g.values().clone()).toArray(double[][]::new);
        double[][] one = train(learner(yaml), 1);
        double[][] two = train(learner(yaml), 2);
        for (int g = 0; g < one.length; g++) {
            assertArrayEquals(one[g], two[g], 0.0, "group " + g);
        }
        assertFalse(Arrays.equals(start[0], one[0]), "the convolution's weights did not train through the pooling");
        assertArrayEquals(new double[] {1.1}, one[1], 0.0, "the pooling's fixed weight changed");
        // rasters show the layers of neurons only: the pooling's sums are no spike events
        List<String> shown = new SteppedInspection(fresh).sampleSpikes(Split.TEST, new int[] {0}).get(0).layers()
                .stream().map(LayerSpikes::name).toList();
        assertEquals(List.of(LayerSpikes.layerName(0, 4), LayerSpikes.layerName(1, 4), LayerSpikes.layerName(3, 4),
                LayerSpikes.layerName(4, 4)), shown);

        SteppedConfig c = config(yaml);
        NetworkDescription d = NetworkFactory.describe(c.network(), 64, new int[] {1, 8, 8}, 4, STEPS,
                new RandomStreams(1), "most_spikes");
        NetworkDescription back = DescriptionJson.fromJson(Json.parse(Json.write(DescriptionJson.toJson(d))), "test");
        assertEquals(new Neuron.PassThrough(), back.populations().get(2).neuron());
        SteppedNetwork rebuilt = SteppedDescriptions.build(back, NetworkFactory.options(c.network()));
        assertEquals(PassThroughParams.class, rebuilt.layer(1).neuron().getClass());
    }

    @Test
    void theDescriptionRoundTripsAndRebuildsTheSameNetwork() {
        SteppedConfig c = config(CNN);
        NetworkDescription d = NetworkFactory.describe(c.network(), 64, new int[] {1, 8, 8}, 4, STEPS,
                new RandomStreams(1), "most_spikes");
        NetworkDescription back = DescriptionJson.fromJson(Json.parse(Json.write(DescriptionJson.toJson(d))), "test");
        assertEquals(d.connections().get(0).topology(), back.connections().get(0).topology());
        assertEquals(new Topology.SumPool2d(3, 6, 6, 2), back.connections().get(1).topology());
        assertTrue(back.connections().get(2).dense());
        SteppedDescriptions.Options options = NetworkFactory.options(c.network());
        SteppedNetwork a = SteppedDescriptions.build(d, options);
        SteppedNetwork b = SteppedDescriptions.build(back, options);
        NetworkDescription again = SteppedDescriptions.describe(b, 0.001, "most_spikes");
        assertArrayEquals(d.connections().get(0).weights(), again.connections().get(0).weights(), 0.0);
        Quadrants samples = new Quadrants();
        SpikeEvents in = new SpikeEvents(STEPS);
        Activity x = a.newActivity();
        Activity y = b.newActivity();
        for (int k = 0; k < 8; k++) {
            samples.encode(Split.TEST, k, in);
            a.forward(in, x);
            b.forward(in, y);
            for (int l = 0; l < a.layerCount(); l++) {
                assertArrayEquals(x.membrane(l), y.membrane(l), 0.0, "sample " + k + " layer " + l);
            }
        }
    }

    @Test
    void badLayerSpecsAreOneLineErrors() {
        ConfigException noChannels = assertThrows(ConfigException.class,
                () -> config(CNN.replace("{type: conv, channels: 3, kernel: 3}", "{type: conv}")));
        assertTrue(noChannels.getMessage().contains("channels"), noChannels.getMessage());
        ConfigException type = assertThrows(ConfigException.class,
                () -> config(CNN.replace("{type: pool, size: 2}", "{type: maxpool}")));
        assertTrue(type.getMessage().contains("use conv or pool"), type.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> config(CNN.replace("kernel: 3}", "kernel: 3, stride: 2}")));
        assertTrue(unknown.getMessage().contains("stride"), unknown.getMessage());
        ConfigException convNeurons = assertThrows(ConfigException.class,
                () -> config(CNN.replace("kernel: 3}", "kernel: 3, neurons: false}")));
        assertTrue(convNeurons.getMessage().contains("not size, weight or neurons"), convNeurons.getMessage());
        ConfigException tooSmall = assertThrows(ConfigException.class,
                () -> learner(CNN.replace("{type: pool, size: 2}", "{type: pool, size: 4}")));
        assertTrue(tooSmall.getMessage().startsWith("network.layers[1] (pool) gets a 3x6x6 input"), tooSmall.getMessage());
        ConfigException notImages = assertThrows(ConfigException.class, () -> NetworkFactory.build(
                config(CNN).network(), 64, null, 4, STEPS, new RandomStreams(1), "most_spikes"));
        assertTrue(notImages.getMessage().contains("need image input"), notImages.getMessage());
        for (ConfigException e : new ConfigException[] {noChannels, type, unknown, convNeurons, tooSmall, notImages}) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
