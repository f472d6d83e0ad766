package io.delaynet.event.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigTree;
import io.delaynet.event.DelGradLearner;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.LayerSpikes;
import io.delaynet.inspect.ParameterGradient;
import io.delaynet.inspect.SampleGradients;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.run.Experiment;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.Split;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelGradInspectionTest {
    private static final String CONFIG = """
            network:
              layers:
                - {size: 6, delays: synaptic}
                - {size: 3, delays: axonal}
              delay: {init_std: 1.0, scale: 2.0}
            """;

    private static Experiment experiment() {
        return ResolvedConfig.ofTree(ConfigTree.parse(CONFIG, "test"), "test").build(new RunContext(null));
    }

    @Test
    void delaysCoverEveryDelayGroupWithinItsBounds() {
        Experiment e = experiment();
        List<DelayDistribution> delays = e.delays();
        assertEquals(List.of("layer1.delays", "layer2.delays"), delays.stream().map(DelayDistribution::name).toList());
        assertEquals(4 * 6, delays.get(0).delays().length);
        assertEquals(6, delays.get(1).delays().length, "axonal: one delay per presynaptic neuron");
        for (DelayDistribution d : delays) {
            assertEquals(0.0, d.lower());
            assertEquals(2.0, d.upper());
            for (double v : d.delays()) {
                assertTrue(v > d.lower() && v < d.upper(), d.name() + " delay " + v);
            }
        }
        assertEquals("layer 1 (6) → layer 2 (output) (3), axonal", delays.get(1).description());
    }

    @Test
    void spikesMatchTheInputAndThePrediction() {
        Experiment e = experiment();
        DelGradLearner learner = (DelGradLearner) e.learner();
        List<SampleSpikes> spikes = e.sampleSpikes(Split.TEST, new int[] {0, 7});
        assertEquals(2, spikes.size());
        SampleSpikes s = spikes.get(1);
        assertEquals(7, s.sample());
        assertEquals(learner.data(Split.TEST).labels()[7], s.label());
        assertEquals(List.of("input", "layer 1", "layer 2 (output)"), s.layers().stream().map(LayerSpikes::name).toList());
        double[] input = learner.data(Split.TEST).inputs()[7];
        for (int i = 0; i < input.length; i++) {
            assertEquals(input[i], s.layers().get(0).spikeTimes()[i][0]);
        }
        double[][] out = s.layers().get(2).spikeTimes();
        int earliest = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < out.length; k++) {
            if (out[k].length == 1 && out[k][0] < best) {
                best = out[k][0];
                earliest = k;
            }
        }
        assertEquals(earliest, s.predicted());
        assertEquals(learner.evaluate(Split.TEST, 7, learner.newWorkspace()).predicted(), s.predicted());
    }

    /** The exact gradient of one test sample's loss against central differences of that loss. */
    @Test
    void gradientsMatchFiniteDifferencesOfTheSampleLoss() {
        Experiment e = experiment();
        DelGradLearner learner = (DelGradLearner) e.learner();
        int sample = firstSampleWithFiniteLoss(learner);
        SampleGradients g = e.sampleGradients(Split.TEST, sample, false).orElseThrow();
        assertEquals(learner.evaluate(Split.TEST, sample, learner.newWorkspace()).loss(), g.loss());
        List<ParameterGroup> groups = learner.parameters();
        assertEquals(groups.size(), g.parameters().size());
        double h = 1e-6;
        int compared = 0;
        int total = 0;
        for (int gi = 0; gi < groups.size(); gi++) {
            ParameterGroup group = groups.get(gi);
            ParameterGradient pg = g.parameters().get(gi);
            assertEquals(group.name(), pg.name());
            for (int i = 0; i < group.size(); i++) {
                total++;
                double base = group.values()[i];
                double lossAtBase = g.loss();
                double up = lossWith(learner, group, i, base + h, sample);
                double down = lossWith(learner, group, i, base - h, sample);
                group.values()[i] = base;
                learner.afterStep();
                double forward = (up - lossAtBase) / h;
                double backward = (lossAtBase - down) / h;
                if (Math.abs(forward - backward) > 1e-3 * (1 + Math.abs(forward))) {
                    continue; // a causal set changes within the step: the loss has a kink here
                }
                compared++;
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, pg.gradient()[i], 1e-6 * (1 + Math.abs(numeric)), pg.name() + "[" + i + "]");
            }
        }
        assertTrue(compared > 0.9 * total, "compared only " + compared + " of " + total + " parameters");
    }

    @Test
    void layoutsNameTheIndexing() {
        Experiment e = experiment();
        List<ParameterGradient> p = e.sampleGradients(Split.TRAIN, 0, true).orElseThrow().parameters();
        assertEquals("weight[post * 4 + pre]; pre = input line, post = neuron of layer 1", p.get(0).layout());
        assertTrue(p.get(3).layout().startsWith("raw delay p[pre] of every synapse leaving pre"), p.get(3).layout());
        assertTrue(p.get(3).layout().endsWith("delay = 0.0 + 2.0 * sigmoid(p)"), p.get(3).layout());
    }

    private static double lossWith(DelGradLearner learner, ParameterGroup group, int i, double value, int sample) {
        group.values()[i] = value;
        learner.afterStep();
        return learner.evaluate(Split.TEST, sample, learner.newWorkspace()).loss();
    }

    private static int firstSampleWithFiniteLoss(DelGradLearner learner) {
        for (int i = 0; i < learner.size(Split.TEST); i++) {
            if (learner.evaluate(Split.TEST, i, learner.newWorkspace()).loss() != DelGradLearner.SILENT_LOSS) {
                return i;
            }
        }
        throw new AssertionError("every test sample is silent");
    }
}
