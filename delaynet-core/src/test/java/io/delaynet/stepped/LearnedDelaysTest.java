package io.delaynet.stepped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigTree;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.util.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delays the report draws a histogram for: the recurrent projections' too (they were left out
 * before, so a recurrent model's report showed only its feed-forward delays), and none where a
 * projection has no delays or does not train them.
 */
class LearnedDelaysTest {
    private static SteppedNetwork network(String yaml) {
        SteppedMethod method = new SteppedMethod();
        SteppedConfig config = ConfigBinder.bind(ConfigTree.merge(method.defaults(), ConfigTree.parse(yaml, "test")),
                SteppedConfig.class, "test");
        return NetworkFactory.build(config.network(), 12, 3, 20, new RandomStreams(1), config.loss().decision());
    }

    @Test
    void aRecurrentLayerShowsItsRecurrentDelaysAfterItsInputDelays() {
        SteppedNetwork net = network("""
                network:
                  hidden: [7]
                  recurrent: true
                  delays: {kind: synaptic, max: 10.0}
                  recurrent_delays: {kind: axonal, min: 1.0, max: 6.0}
                """);
        List<DelayDistribution> delays = LearnedDelays.of(net);
        assertEquals(3, delays.size(), delays.stream().map(DelayDistribution::name).toList().toString());
        DelayDistribution recurrent = delays.get(1);
        assertEquals(net.layer(0).recurrent().delays().name(), recurrent.name());
        assertEquals("layer 1 (7) → itself, recurrent axonal", recurrent.description());
        assertEquals(7, recurrent.delays().length, "one delay per presynaptic neuron");
        assertEquals(1.0, recurrent.lower());
        assertEquals(6.0, recurrent.upper());
        assertEquals("steps", recurrent.unit());
        for (double d : recurrent.delays()) {
            assertTrue(d >= 1.0 && d <= 6.0, "recurrent delay " + d + " in its range");
        }
        assertEquals("input (12) → layer 1 (7), synaptic", delays.get(0).description());
        assertEquals(12 * 7, delays.get(0).delays().length);
        assertEquals("layer 1 (7) → layer 2 (output) (3), synaptic", delays.get(2).description());
    }

    @Test
    void projectionsWithoutDelaysOrWithFrozenOnesHaveNoHistogram() {
        assertEquals(List.of(), LearnedDelays.of(network("""
                network:
                  hidden: [5]
                  recurrent: true
                  delays: {kind: none}
                  recurrent_delays: {kind: none}
                  train_weights: true
                """)));
        assertEquals(List.of(), LearnedDelays.of(network("""
                network:
                  hidden: [5]
                  recurrent: true
                  train_weights: true
                  train_delays: false
                """)));
    }
}
