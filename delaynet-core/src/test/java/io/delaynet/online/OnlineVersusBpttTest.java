package io.delaynet.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.stepped.loss.ReadoutCrossEntropy;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.StreamingLearner.UpdateHook;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the three-factor rule is exact (one hidden layer, no recurrence, symmetric feedback, a
 * read-out without delays, leaky integrators or spiking neurons, the same surrogate in both), the
 * gradient the online pass accumulates over a sequence equals backpropagation through time of the
 * stepped engine on the same network, for weights and delays, to 1e-9 relative; with recurrence
 * the online rule drops the paths through the other neurons, and its direction stays close to BPTT's.
 */
class OnlineVersusBpttTest {
    private static final int INPUTS = 7;
    private static final int CLASSES = 3;
    private static final int STEPS = 40;

    @ParameterizedTest(name = "{5} read-out, {0} delays, {1}, {2} reset, detach {3}, {4}")
    @CsvSource({
            "synaptic, cuba_lif, subtract, true, linear, leaky_integrator",
            "axonal, cuba_lif, subtract, true, linear, leaky_integrator",
            "synaptic, lif, zero, false, linear, leaky_integrator",
            "axonal, cuba_lif, zero, false, gaussian, leaky_integrator",
            "synaptic, lif, subtract, true, integer, leaky_integrator",
            "none, cuba_lif, subtract, true, linear, leaky_integrator",
            "synaptic, cuba_lif, subtract, true, linear, spiking",
            "axonal, cuba_lif, subtract, true, linear, spiking",
            "synaptic, lif, zero, true, linear, spiking",
            "synaptic, cuba_lif, zero, false, gaussian, spiking",
            "axonal, lif, subtract, false, integer, spiking",
            "none, cuba_lif, subtract, true, linear, spiking"})
    void feedForwardOnlineGradientEqualsBptt(String kind, String model, String reset, boolean detach, String forward,
                                             String readout) {
        String yaml = OnlineFixtures.small(6, false, kind, forward, 0.3, """
                neuron: {model: %s, detach_reset: %s, lif: {reset: %s}, cuba_lif: {reset: %s}}
                  readout: {model: %s}"""
                .formatted(model, detach, reset, reset, readout), "online: {feedback: symmetric}\nloss: {trace_tau_ms: 30}");
        OnlineConfig config = OnlineFixtures.config(yaml);
        OnlineNetwork online = OnlineFixtures.network(yaml, INPUTS, CLASSES, STEPS);
        assertEquals(readout.equals("spiking"), online.spikingReadout() != null);
        SpikeLoss loss = OnlineMethod.loss(config);
        RandomSpikes samples = new RandomSpikes(INPUTS, CLASSES, 4, 3, 0.15);
        int compared = 0;
        int outputSpikes = 0;
        for (int index = 0; index < 4; index++) {
            double[][] onlineGradient = onlineGradient(online, samples, index);
            double[][] bptt = bpttGradient(online.network(), loss, samples, index);
            outputSpikes += outputSpikes(online.network(), samples, index);
            List<ParameterGroup> groups = online.network().parameters();
            for (int g = 0; g < groups.size(); g++) {
                double scale = maxAbs(bptt[g]);
                assertTrue(scale > 0, groups.get(g).name() + ": the test needs spikes and errors (sample " + index + ")");
                for (int k = 0; k < bptt[g].length; k++) {
                    assertEquals(bptt[g][k], onlineGradient[g][k], 1e-9 * scale,
                            groups.get(g).name() + "[" + k + "], sample " + index);
                }
                compared++;
            }
        }
        assertEquals(4 * (kind.equals("none") ? 2 : 3), compared);
        if (readout.equals("spiking")) {
            assertTrue(outputSpikes > 0, "the read-out must spike for its reset and trace to be checked");
        }
    }

    /**
     * The online rule treats the recurrent input as given, so it drops terms of first order in the
     * recurrent weights: with weak recurrence every group must point as BPTT's (this checks the
     * recurrent traces); with strong recurrence the cosine is reported, and only the exact
     * read-out is held to 1.
     */
    @ParameterizedTest(name = "{0} delays, recurrent std {1}")
    @CsvSource({"synaptic, 0.001, 0.99", "axonal, 0.001, 0.99", "synaptic, 0.05, 0.7", "synaptic, 0.3, -1"})
    void withRecurrenceTheOnlineGradientPointsLikeBptt(String kind, double recurrentStd, double floor) {
        String yaml = OnlineFixtures.small(8, true, kind, "linear", recurrentStd, "", "online: {feedback: symmetric}");
        OnlineNetwork online = OnlineFixtures.network(yaml, INPUTS, CLASSES, STEPS);
        RandomSpikes samples = new RandomSpikes(INPUTS, CLASSES, 4, 5, 0.15);
        List<ParameterGroup> groups = online.network().parameters();
        double[][] a = new double[groups.size()][];
        double[][] b = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            a[g] = new double[groups.get(g).size()];
            b[g] = new double[groups.get(g).size()];
        }
        for (int index = 0; index < 4; index++) {
            add(a, onlineGradient(online, samples, index));
            add(b, bpttGradient(online.network(), samples, index));
        }
        StringBuilder report = new StringBuilder();
        for (int g = 0; g < groups.size(); g++) {
            double c = cosine(a[g], b[g]);
            report.append(groups.get(g).name()).append(String.format(" %.4f; ", c));
            // the read-out's gradient is exact; the hidden ones drop the recurrent paths
            double least = groups.get(g).name().startsWith("layer2") ? 1 - 1e-12 : floor;
            assertTrue(c >= least, "cosine to BPTT " + report);
        }
        System.out.println("[online vs BPTT, recurrent " + kind + ", std " + recurrentStd + "] cosine: " + report);
    }

    static double[][] onlineGradient(OnlineNetwork online, RandomSpikes samples, int index) {
        OnlineWorkspace ws = online.newWorkspace();
        samples.encode(io.delaynet.train.Split.TRAIN, index, ws.input);
        SampleResult r = online.run(ws.input, samples.label(io.delaynet.train.Split.TRAIN, index), ws, true,
                Integer.MAX_VALUE, UpdateHook.NONE);
        assertTrue(Double.isFinite(r.loss()));
        return ws.gradients();
    }

    static double[][] bpttGradient(SteppedNetwork network, RandomSpikes samples, int index) {
        return bpttGradient(network, new ReadoutCrossEntropy(ReadoutCrossEntropy.Over.EVERY_STEP), samples, index);
    }

    /** The output layer's spikes over one sample (its potentials, for leaky integrators: then not counted). */
    private static int outputSpikes(SteppedNetwork network, RandomSpikes samples, int index) {
        SpikeEvents input = new SpikeEvents(network.steps());
        samples.encode(io.delaynet.train.Split.TRAIN, index, input);
        Activity activity = network.newActivity();
        network.forward(input, activity);
        int n = 0;
        for (double v : activity.spikes(network.layerCount() - 1)) {
            n += v == 1.0 ? 1 : 0;
        }
        return n;
    }

    static double[][] bpttGradient(SteppedNetwork network, SpikeLoss loss, RandomSpikes samples, int index) {
        SpikeEvents input = new SpikeEvents(network.steps());
        samples.encode(io.delaynet.train.Split.TRAIN, index, input);
        Activity activity = network.newActivity();
        network.forward(input, activity);
        double[] out = activity.spikes(network.layerCount() - 1);
        double[] gradOut = new double[network.steps() * network.outputSize()];
        loss.evaluate(out, network.steps(), network.outputSize(), samples.label(io.delaynet.train.Split.TRAIN, index),
                gradOut);
        List<ParameterGroup> groups = network.parameters();
        double[][] gradients = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            gradients[g] = new double[groups.get(g).size()];
        }
        network.backward(input, activity, gradOut, gradients);
        return gradients;
    }

    private static void add(double[][] into, double[][] from) {
        for (int g = 0; g < into.length; g++) {
            for (int k = 0; k < into[g].length; k++) {
                into[g][k] += from[g][k];
            }
        }
    }

    static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return ab / Math.sqrt(aa * bb);
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
