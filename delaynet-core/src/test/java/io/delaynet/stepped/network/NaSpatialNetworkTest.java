package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Topology;
import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.estimator.NeighbourhoodAggregation;
import io.delaynet.stepped.loss.ReadoutCrossEntropy;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.neuron.CubaLifState;
import io.delaynet.stepped.neuron.FilteredLifParams;
import io.delaynet.stepped.neuron.LeakyIntegratorParams;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import io.delaynet.train.ParameterGroup;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NA through a convolution and a pooling, as {@link NaWholeNetworkTest} does through a dense
 * projection: a hidden layer of 1x6x6 filtered-LIF neurons (NA) under a 3x3 convolution (or a 2x2
 * pooling) into a leaky-integrator read-out. Each term of the hidden estimate, times the distance
 * to the threshold, must be the loss change of the flipped neighbour recomputed by brute force
 * (the hidden neuron re-simulated with the flip, the convolution or pooling and the read-out run
 * again), to first order: the gap shrinks faster than linearly with the read-out's weights.
 */
class NaSpatialNetworkTest {
    private static final int STEPS = 6;
    private static final int IN = 5;
    private static final int HIDDEN = 36;
    private static final SpikeFunction SPIKE = new SpikeFunction.Threshold(new Surrogate.Exponential(1, 1));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conv", "pool"})
    void hiddenTermsAreTheBruteForceLossChangeToFirstOrder(String above) {
        double large = worstRelativeGap(above, 0.4);
        double small = worstRelativeGap(above, 0.05);
        assertTrue(small < 0.05, "first-order gap " + small + " at small read-out weights");
        assertTrue(small < 0.25 * large, "the gap does not shrink like a second-order term: " + large + " -> " + small);
    }

    private static double worstRelativeGap(String above, double readoutScale) {
        SplittableRandom r = new SplittableRandom(3);
        FilteredLifParams hidden = new FilteredLifParams(2, 5, 1, true);
        NeuronModel readout = new LeakyIntegratorParams(4);
        NeighbourhoodAggregation na = new NeighbourhoodAggregation(NeighbourhoodAggregation.Weighting.INVERSE,
                Double.POSITIVE_INFINITY, false, false);
        Projection p1 = projection(IN, HIDDEN, gaussians(r, IN * HIDDEN, 1.5, 0.6), Topology.Dense.INSTANCE);
        Projection p2 = above.equals("conv")
                ? projection(HIDDEN, 32, gaussians(r, 18, readoutScale, 0), new Topology.Conv2d(1, 6, 6, 2, 3))
                : projection(HIDDEN, 9, new double[] {readoutScale}, new Topology.SumPool2d(1, 6, 6, 2));
        int out = p2.post();
        SteppedNetwork net = new SteppedNetwork(STEPS, List.of(new Layer("layer1", hidden, p1, null, na),
                new Layer("layer2", readout, p2, null, na)), SPIKE);
        SpikeEvents input = TestNetworks.randomInput(4, STEPS, IN, 0.5, false);
        SpikeLoss loss = new ReadoutCrossEntropy(ReadoutCrossEntropy.Over.EVERY_STEP);
        int label = 1;
        Activity a = net.newActivity();
        net.forward(input, a);
        double[] gradOut = new double[STEPS * out];
        double base = loss.evaluate(a.spikes(1), STEPS, out, label, gradOut);
        double[][] grads = {new double[p1.weights().size()], new double[p2.weights().size()]};
        net.backward(input, a, gradOut, grads);
        double[] u = a.membrane(0).clone();
        double[] s = a.spikes(0).clone();
        double[] gx = a.gradArrival[0];
        double worst = 0;
        double largest = 0;
        for (int j = 0; j < HIDDEN; j++) {
            for (int k = 0; k < STEPS; k++) {
                double next = k + 1 < STEPS ? gx[(k + 1) * HIDDEN + j] : 0;
                double delta = (gx[k * HIDDEN + j] - hidden.alpha() * next) / hidden.gain();
                double estimated = delta * (1 - u[k * HIDDEN + j]);
                double brute = flippedLoss(a.arrival[0], hidden, readout, p2, s, j, k, loss, label) - base;
                worst = Math.max(worst, Math.abs(brute - estimated));
                largest = Math.max(largest, Math.abs(brute));
            }
        }
        assertTrue(largest > 1e-3, "no flip changed the loss");
        return worst / largest;
    }

    private static double flippedLoss(double[] x, FilteredLifParams hidden, NeuronModel readout, Projection p2,
                                      double[] recorded, int j, int k, SpikeLoss loss, int label) {
        CubaLifState state = (CubaLifState) hidden.newState(HIDDEN);
        double[] u = new double[STEPS * HIDDEN];
        double[] s = new double[STEPS * HIDDEN];
        for (int t = 0; t < STEPS; t++) {
            hidden.step(state, x, t * HIDDEN, u, s, SPIKE);
            if (t == k) {
                double old = recorded[k * HIDDEN + j];
                s[k * HIDDEN + j] = 1 - old;
                state.potential()[j] = old * hidden.threshold();
            }
        }
        SpikeEvents events = new SpikeEvents(STEPS);
        events.clear();
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < HIDDEN; i++) {
                if (s[t * HIDDEN + i] != 0) {
                    events.add(t, i, 1.0);
                }
            }
        }
        events.finish();
        int out = p2.post();
        double[] arrival = new double[p2.arrivalLength()];
        p2.clear(arrival);
        for (int t = 0; t < STEPS; t++) {
            p2.scatter(events, t, arrival);
        }
        double[] v = new double[STEPS * out];
        double[] o = new double[STEPS * out];
        readout.run(readout.newState(out), arrival, STEPS, v, o, SPIKE);
        return loss.evaluate(o, STEPS, out, label, null);
    }

    private static Projection projection(int pre, int post, double[] w, Topology topology) {
        return new Projection(pre, post, STEPS, DelayKind.NONE, new DelayInterpolation.IntegerShift(Rounding.FLOOR),
                DelayBounds.NON_NEGATIVE, 0, new ParameterGroup("w" + pre, w, "weights", true), null, topology);
    }

    private static double[] gaussians(SplittableRandom r, int n, double std, double mean) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = mean + std * r.nextGaussian();
        }
        return w;
    }
}
