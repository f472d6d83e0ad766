package io.delaynet.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.model.NetworkDescription;
import io.delaynet.stepped.NetworkFactory;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.estimator.SurrogateGradient;
import io.delaynet.stepped.loss.Decision;
import io.delaynet.stepped.network.SteppedDescriptions;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.Split;
import io.delaynet.train.StreamingLearner.UpdateHook;
import io.delaynet.util.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On the smooth stand-in (graded sigmoid spikes, the reset followed through their true derivative,
 * linear delay taps) the network is a differentiable function, and every trace must be the
 * derivative it claims to be: at every step, a weight's and a delay's traces of the current and of
 * the membrane after the spike decision equal central finite differences of that state, and the
 * accumulated online gradient equals the finite difference of the loss.
 */
class EligibilityFiniteDifferenceTest {
    private static final int INPUTS = 5;
    private static final int CLASSES = 3;
    private static final int STEPS = 25;
    private static final double H = 1e-6;

    @ParameterizedTest(name = "{0} delays, {1}, {2} reset")
    @CsvSource({"synaptic, cuba_lif, subtract", "axonal, cuba_lif, zero", "synaptic, lif, zero"})
    void tracesAreTheDerivativesOfTheNeuronState(String kind, String model, String reset) {
        OnlineNetwork net = smooth(kind, model, reset);
        RandomSpikes samples = new RandomSpikes(INPUTS, CLASSES, 1, 11, 0.3);
        ParameterGroup w = net.network().parameters().get(0);
        ParameterGroup d = net.network().parameters().get(1);
        int post = net.forward(0).post();
        int checked = 0;
        for (int s : new int[] {0, 7, 13, post * INPUTS - 1}) {
            int i = s / post;
            int j = s % post;
            int element = net.forward(0).projection().delayIndex(i, j);
            double[][] traces = record(net, samples, s, j); // [step][wI, wV', dI, dV', I, V']
            double[][] wPlus = perturbed(net, samples, w, s, H, j);
            double[][] wMinus = perturbed(net, samples, w, s, -H, j);
            double[][] dPlus = perturbed(net, samples, d, element, H, j);
            double[][] dMinus = perturbed(net, samples, d, element, -H, j);
            for (int t = 0; t < STEPS; t++) {
                for (int q = 0; q < 2; q++) {
                    double fdW = (wPlus[t][4 + q] - wMinus[t][4 + q]) / (2 * H);
                    double fdD = (dPlus[t][4 + q] - dMinus[t][4 + q]) / (2 * H);
                    assertEquals(fdW, traces[t][q], 1e-6 * (1 + Math.abs(fdW)), "weight trace " + q + " of " + s + " at " + t);
                    assertEquals(fdD, traces[t][2 + q], 1e-6 * (1 + Math.abs(fdD)), "delay trace " + q + " of " + s + " at " + t);
                    checked += fdW != 0 && fdD != 0 ? 1 : 0;
                }
            }
        }
        assertTrue(checked > 100, "traces that moved: " + checked);
    }

    /**
     * With a spiking read-out its neurons are graded sigmoids too, reset followed: the read-out
     * weights' traces and the hidden layer's path through the read-out's state and spike trace must
     * give the derivative of the trace's cross-entropy.
     */
    @ParameterizedTest(name = "{0} delays, {1} read-out, {2} reset")
    @CsvSource({"synaptic, leaky_integrator, subtract", "axonal, leaky_integrator, subtract",
            "synaptic, spiking, subtract", "axonal, spiking, zero", "none, spiking, zero"})
    void onlineGradientIsTheDerivativeOfTheLoss(String kind, String readout, String reset) {
        OnlineNetwork net = smooth(kind, "cuba_lif", reset, readout);
        RandomSpikes samples = new RandomSpikes(INPUTS, CLASSES, 1, 12, 0.3);
        double[][] gradient = OnlineVersusBpttTest.onlineGradient(net, samples, 0);
        List<ParameterGroup> groups = net.network().parameters();
        for (int g = 0; g < groups.size(); g++) {
            double[] values = groups.get(g).values();
            for (int k = 0; k < values.length; k += Math.max(1, values.length / 9)) {
                double keep = values[k];
                values[k] = keep + H;
                net.refresh();
                double plus = loss(net, samples);
                values[k] = keep - H;
                net.refresh();
                double minus = loss(net, samples);
                values[k] = keep;
                net.refresh();
                double fd = (plus - minus) / (2 * H);
                assertEquals(fd, gradient[g][k], 1e-6 * (1e-3 + Math.abs(fd)), groups.get(g).name() + "[" + k + "]");
            }
        }
    }

    /** A one-hidden-layer network of graded sigmoid spikes whose reset is differentiated. */
    private static OnlineNetwork smooth(String kind, String model, String reset) {
        return smooth(kind, model, reset, "leaky_integrator");
    }

    private static OnlineNetwork smooth(String kind, String model, String reset, String readout) {
        OnlineConfig c = OnlineFixtures.config(OnlineFixtures.small(4, false, kind, "linear", 0.3, """
                neuron: {model: %s, threshold: 1.0, detach_reset: false, lif: {reset: %s}, cuba_lif: {reset: %s}}
                  readout: {model: %s}"""
                .formatted(model, reset, reset, readout), "loss: {trace_tau_ms: 30}"));
        NetworkDescription d = OnlineMethod.withoutReadoutDelays(NetworkFactory.describe(c.network(), INPUTS, CLASSES,
                STEPS, new RandomStreams(4), c.loss().decision()));
        SpikeFunction spike = new SpikeFunction.SmoothSigmoid(0.2);
        SteppedNetwork stepped = SteppedDescriptions.build(d, new SteppedDescriptions.Options(spike,
                new SurrogateGradient(spike), false, true, true, new DelayBounds(0, 8), new DelayBounds(1, 5)));
        return new OnlineNetwork(stepped, Feedback.SYMMETRIC, null, Decision.parse(c.loss().decision()),
                c.spikingReadout() ? c.traceDecay() : Double.NaN);
    }

    private static double loss(OnlineNetwork net, RandomSpikes samples) {
        OnlineWorkspace ws = net.newWorkspace();
        samples.encode(Split.TRAIN, 0, ws.input);
        return net.run(ws.input, samples.label(Split.TRAIN, 0), ws, false, Integer.MAX_VALUE, UpdateHook.NONE).loss();
    }

    /** Per step: the traces of synapse s (weight I, weight V', delay I, delay V') and neuron j's I and V'. */
    private static double[][] record(OnlineNetwork net, RandomSpikes samples, int s, int j) {
        OnlineWorkspace ws = net.newWorkspace();
        samples.encode(Split.TRAIN, 0, ws.input);
        List<double[]> rows = new ArrayList<>();
        Traces tr = ws.forwardTraces[0];
        LifLayer layer = ws.layers[0];
        net.run(ws.input, samples.label(Split.TRAIN, 0), ws, true, 1, () -> rows.add(new double[] {
                tr.weightCurrent[s], tr.weightAfter[s], tr.delayCurrent[s], tr.delayAfter[s],
                layer.current()[j], layer.after()[j]}));
        assertEquals(STEPS, rows.size());
        return rows.toArray(double[][]::new);
    }

    private static double[][] perturbed(OnlineNetwork net, RandomSpikes samples, ParameterGroup g, int k, double h,
                                        int j) {
        double keep = g.values()[k];
        g.values()[k] = keep + h;
        net.refresh();
        double[][] r = record(net, samples, 0, j);
        g.values()[k] = keep;
        net.refresh();
        return r;
    }
}
