package io.delaynet.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.stepped.SteppedLearner;
import io.delaynet.stepped.SteppedWorkspace;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.StreamingLearner.UpdateHook;
import io.delaynet.util.RandomStreams;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code online.bptt_truncation: k} keeps BPTT's gradient through the recurrent projection within
 * blocks of k steps. Its two ends are known: with k at least the window it is full BPTT, the same
 * operations in the same order (bit for bit); with k = 1 no recurrent path is left (every recurrent
 * delay is at least one step), which is exactly what the three-factor rule drops, so it equals the
 * online gradient (itself checked against finite differences in EligibilityFiniteDifferenceTest)
 * to 1e-9 of each group's largest entry.
 */
class TruncatedBpttTest {
    private static final int INPUTS = 7;
    private static final int CLASSES = 3;
    private static final int STEPS = 40;
    private static final int SAMPLES = 4;

    @ParameterizedTest(name = "truncation {0}")
    @CsvSource({"40", "41", "1000"})
    void truncationAtLeastTheWindowIsFullBpttBitForBit(int truncation) {
        String yaml = network("synaptic", "linear", "cuba_lif", "subtract", true, 0.3);
        SteppedLearner full = bptt(yaml, null);
        SteppedLearner truncated = bptt(yaml, truncation);
        for (int index = 0; index < SAMPLES; index++) {
            double[][] a = gradient(full, index);
            double[][] b = gradient(truncated, index);
            for (int g = 0; g < a.length; g++) {
                assertArrayEquals(a[g], b[g], 0.0, full.parameters().get(g).name() + ", sample " + index);
            }
        }
    }

    @ParameterizedTest(name = "{0} delays, {1}, {2} {3} reset, detach {4}")
    @CsvSource({"synaptic, linear, cuba_lif, subtract, true", "axonal, linear, cuba_lif, zero, false",
            "synaptic, gaussian, lif, subtract, false", "synaptic, integer, cuba_lif, subtract, true",
            "none, linear, cuba_lif, subtract, true"})
    void truncationOneIsTheThreeFactorRule(String delays, String forward, String model, String reset,
                                           boolean detach) {
        String yaml = network(delays, forward, model, reset, detach, 0.3);
        SteppedLearner truncated = bptt(yaml, 1);
        SteppedLearner full = bptt(yaml, null);
        OnlineLearner online = online(yaml);
        List<ParameterGroup> groups = online.parameters();
        boolean differs = false;
        for (int index = 0; index < SAMPLES; index++) {
            double[][] rule = onlineGradient(online, index);
            double[][] cut = gradient(truncated, index);
            double[][] whole = gradient(full, index);
            for (int g = 0; g < groups.size(); g++) {
                double scale = OnlineVersusBpttTest.maxAbs(rule[g]);
                assertTrue(scale > 0, groups.get(g).name() + ": the test needs spikes and errors (sample " + index + ")");
                for (int k = 0; k < rule[g].length; k++) {
                    assertEquals(rule[g][k], cut[g][k], 1e-9 * scale, groups.get(g).name() + "[" + k + "], sample " + index);
                }
                differs |= OnlineVersusBpttTest.maxAbs(difference(whole[g], cut[g])) > 1e-6 * scale;
            }
        }
        // recurrent weights of std 0.3 make the recurrent paths matter: full BPTT must be another gradient
        assertTrue(differs, "full BPTT should differ from the truncated gradient on this network");
    }

    @Test
    void intermediateBlocksLieBetweenTheEnds() {
        String yaml = network("synaptic", "linear", "cuba_lif", "subtract", true, 0.3);
        double[][] one = gradient(bptt(yaml, 1), 0);
        double[][] ten = gradient(bptt(yaml, 10), 0);
        double[][] full = gradient(bptt(yaml, null), 0);
        boolean fromOne = false;
        boolean fromFull = false;
        for (int g = 0; g < one.length; g++) {
            double scale = OnlineVersusBpttTest.maxAbs(full[g]);
            fromOne |= OnlineVersusBpttTest.maxAbs(difference(ten[g], one[g])) > 1e-6 * scale;
            fromFull |= OnlineVersusBpttTest.maxAbs(difference(ten[g], full[g])) > 1e-6 * scale;
        }
        assertTrue(fromOne && fromFull, "blocks of 10 steps keep some recurrent paths and cut others");
    }

    @Test
    void misplacedTruncationIsAOneLineError() {
        ConfigException online = assertThrows(ConfigException.class, () -> OnlineMethod.check(OnlineFixtures.config(
                "online: {bptt_truncation: 5}")));
        assertTrue(online.getMessage().contains("online.gradient: bptt"), online.getMessage());
        ConfigException feedForward = assertThrows(ConfigException.class, () -> OnlineMethod.check(OnlineFixtures.config(
                "network: {recurrent: false}\nonline: {gradient: bptt, bptt_truncation: 5}")));
        assertTrue(feedForward.getMessage().contains("recurrent"), feedForward.getMessage());
        assertThrows(RuntimeException.class, () -> OnlineFixtures.config("online: {gradient: bptt, bptt_truncation: 0}"));
        OnlineMethod.check(OnlineFixtures.config("online: {gradient: bptt, bptt_truncation: 5}"));
    }

    private static String network(String delays, String forward, String model, String reset, boolean detach,
                                  double recurrentStd) {
        return OnlineFixtures.small(6, true, delays, forward, recurrentStd, """
                neuron: {model: %s, detach_reset: %s, lif: {reset: %s}, cuba_lif: {reset: %s}}"""
                .formatted(model, detach, reset, reset), "online: {feedback: symmetric, gradient: %s%s}");
    }

    private static RandomSpikes samples() {
        return new RandomSpikes(INPUTS, CLASSES, SAMPLES, 3, 0.15);
    }

    private static SteppedLearner bptt(String yaml, Integer truncation) {
        OnlineConfig config = OnlineFixtures.config(yaml.formatted("bptt",
                truncation == null ? "" : ", bptt_truncation: " + truncation));
        OnlineMethod.check(config);
        SteppedNetwork stepped = OnlineMethod.steppedNetwork(config, INPUTS, CLASSES, STEPS,
                new RandomStreams(config.training().seed()));
        return OnlineMethod.bpttLearner(stepped, samples(), config);
    }

    private static OnlineLearner online(String yaml) {
        OnlineConfig config = OnlineFixtures.config(yaml.formatted("three_factor", ""));
        OnlineMethod.check(config);
        return new OnlineLearner(OnlineMethod.network(config, INPUTS, CLASSES, STEPS,
                new RandomStreams(config.training().seed())), samples());
    }

    private static double[][] gradient(SteppedLearner learner, int index) {
        SteppedWorkspace ws = learner.newWorkspace();
        learner.learn(index, ws);
        return ws.gradients();
    }

    private static double[][] onlineGradient(OnlineLearner learner, int index) {
        OnlineWorkspace ws = learner.newWorkspace();
        learner.learn(index, ws, Integer.MAX_VALUE, UpdateHook.NONE);
        return ws.gradients();
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k] - b[k];
        }
        return d;
    }
}
