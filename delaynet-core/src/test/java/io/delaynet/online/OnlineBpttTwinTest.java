package io.delaynet.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.stepped.SteppedLearner;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Split;
import io.delaynet.train.StreamingLearner.UpdateHook;
import io.delaynet.util.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code online.gradient: bptt} trains the online method's own network by backpropagation through
 * time: built from the same configuration and seed, the two start from the same parameters, give the
 * same forward pass (loss, decision and decision step of every sample), and where the three-factor rule is exact
 * (one feed-forward hidden layer, symmetric feedback) the same gradient, with either read-out (leaky
 * integrators, or spiking neurons scored on their spike trace); with recurrence only the
 * read-out's gradient is exact, and the hidden groups' cosine is bounded as in OnlineVersusBpttTest.
 */
class OnlineBpttTwinTest {
    private static final int INPUTS = 7;
    private static final int CLASSES = 3;
    private static final int STEPS = 40;
    private static final int SAMPLES = 6;

    @ParameterizedTest(name = "recurrent {0}, {1} delays, {2} read-out")
    @CsvSource({"false, synaptic, leaky_integrator", "false, axonal, leaky_integrator", "false, none, leaky_integrator",
            "true, synaptic, leaky_integrator", "false, synaptic, spiking", "false, axonal, spiking",
            "true, synaptic, spiking"})
    void theTwinStartsFromTheSameNetworkAndRunsItTheSame(boolean recurrent, String delays, String readout) {
        Twin twin = new Twin(recurrent, delays, 0.05, readout);
        List<ParameterGroup> a = twin.online.parameters();
        List<ParameterGroup> b = twin.bptt.parameters();
        assertEquals(a.size(), b.size());
        for (int g = 0; g < a.size(); g++) {
            assertEquals(a.get(g).name(), b.get(g).name());
            assertEquals(a.get(g).trainable(), b.get(g).trainable(), a.get(g).name());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(g).values(), b.get(g).values(), 0.0, a.get(g).name());
        }
        OnlineWorkspace ow = twin.online.newWorkspace();
        var sw = twin.bptt.newWorkspace();
        int spikingDecisions = 0;
        int lateDecisions = 0;
        for (int index = 0; index < SAMPLES; index++) {
            for (Split split : List.of(Split.TRAIN, Split.TEST)) {
                SampleResult o = twin.online.evaluate(split, index, ow);
                SampleResult s = twin.bptt.evaluate(split, index, sw);
                assertEquals(s.loss(), o.loss(), 1e-12 * Math.abs(s.loss()), split + " " + index);
                assertEquals(s.predicted(), o.predicted(), split + " " + index);
                assertEquals(s.label(), o.label());
                // online: counted while the sequence plays; stepped: from the recorded read-out
                assertEquals(s.decisionStep(), o.decisionStep(), split + " " + index);
                assertTrue(o.decisionStep() >= 1 && o.decisionStep() <= STEPS);
                lateDecisions += o.decisionStep() > 1 ? 1 : 0;
                spikingDecisions += s.predicted() != 0 ? 1 : 0;
            }
        }
        assertTrue(spikingDecisions > 0, "the fixture must not decide class 0 for every sample");
        assertTrue(lateDecisions > 0, "some decision must settle after the first step");
    }

    @ParameterizedTest(name = "{0} delays, {1} read-out")
    @CsvSource({"synaptic, leaky_integrator", "axonal, leaky_integrator", "none, leaky_integrator",
            "synaptic, spiking", "axonal, spiking", "none, spiking"})
    void whereTheRuleIsExactTheTwinHasTheOnlineGradient(String delays, String readout) {
        Twin twin = new Twin(false, delays, 0.05, readout);
        for (int index = 0; index < SAMPLES; index++) {
            double[][] online = onlineGradient(twin.online, index);
            double[][] bptt = bpttGradient(twin.bptt, index);
            List<ParameterGroup> groups = twin.online.parameters();
            for (int g = 0; g < groups.size(); g++) {
                if (!groups.get(g).trainable()) {
                    continue;
                }
                double scale = OnlineVersusBpttTest.maxAbs(bptt[g]);
                assertTrue(scale > 0, groups.get(g).name() + ": the test needs spikes and errors (sample " + index + ")");
                for (int k = 0; k < bptt[g].length; k++) {
                    assertEquals(bptt[g][k], online[g][k], 1e-9 * scale, groups.get(g).name() + "[" + k + "], sample " + index);
                }
            }
        }
    }

    @Test
    void withRecurrenceTheReadoutGradientIsExactAndTheHiddenOnesPointAlike() {
        Twin twin = new Twin(true, "synaptic", 0.05, "leaky_integrator");
        List<ParameterGroup> groups = twin.online.parameters();
        StringBuilder report = new StringBuilder();
        for (int index = 0; index < SAMPLES; index++) {
            double[][] online = onlineGradient(twin.online, index);
            double[][] bptt = bpttGradient(twin.bptt, index);
            for (int g = 0; g < groups.size(); g++) {
                double c = OnlineVersusBpttTest.cosine(online[g], bptt[g]);
                boolean readout = groups.get(g).name().startsWith("layer2");
                assertTrue(c >= (readout ? 1 - 1e-12 : 0.5), groups.get(g).name() + " cosine " + c + ", sample " + index);
                if (index == 0) {
                    report.append(groups.get(g).name()).append(String.format(" %.4f; ", c));
                }
            }
        }
        System.out.println("[online vs its BPTT twin, recurrent, sample 0] cosine: " + report);
    }

    @Test
    void updatesInsideTheSequenceAreRefusedForBptt() {
        String yaml = OnlineFixtures.small(6, false, "synaptic", "linear", 0.05, "",
                "online: {gradient: bptt}\ntraining: {update: {every: steps, steps: 5}}");
        ConfigException e = assertThrows(ConfigException.class, () -> OnlineMethod.check(OnlineFixtures.config(yaml)));
        assertTrue(e.getMessage().contains("training.update.every to batch or sample"), e.getMessage());
        assertThrows(ConfigException.class, () -> OnlineFixtures.config("online: {gradient: backprop}"));
    }

    @Test
    void bpttNeedsNoSymmetricFeedbackPath() {
        // symmetric feedback is an online matter; BPTT reaches every layer
        OnlineMethod.check(OnlineFixtures.config("network: {hidden: [32, 16], weights: {layers: [{mean: 0, std: 1}, "
                + "{mean: 0, std: 1}, {mean: 0, std: 1}]}}\nonline: {gradient: bptt}"));
    }

    private static double[][] onlineGradient(OnlineLearner learner, int index) {
        OnlineWorkspace ws = learner.newWorkspace();
        learner.learn(index, ws, Integer.MAX_VALUE, UpdateHook.NONE);
        return ws.gradients();
    }

    private static double[][] bpttGradient(SteppedLearner learner, int index) {
        io.delaynet.stepped.SteppedWorkspace ws = learner.newWorkspace();
        learner.learn(index, ws);
        return ws.gradients();
    }

    /** One configuration built twice, once per gradient rule, from the same seed. */
    private static final class Twin {
        final OnlineLearner online;
        final SteppedLearner bptt;

        Twin(boolean recurrent, String delays, double recurrentStd, String readout) {
            String network = OnlineFixtures.small(6, recurrent, delays, "linear", recurrentStd,
                    "readout: {model: " + readout + "}", "online: {feedback: symmetric, gradient: %s}");
            RandomSpikes samples = new RandomSpikes(INPUTS, CLASSES, SAMPLES, 3, 0.15);
            OnlineConfig three = OnlineFixtures.config(network.formatted("three_factor"));
            OnlineConfig back = OnlineFixtures.config(network.formatted("bptt"));
            assertEquals(GradientRule.BPTT, back.online().rule());
            OnlineMethod.check(three);
            OnlineMethod.check(back);
            online = new OnlineLearner(OnlineMethod.network(three, INPUTS, CLASSES, STEPS,
                    new RandomStreams(three.training().seed())), samples);
            SteppedNetwork stepped = OnlineMethod.steppedNetwork(back, INPUTS, CLASSES, STEPS,
                    new RandomStreams(back.training().seed()));
            bptt = OnlineMethod.bpttLearner(stepped, samples, back);
        }
    }
}
