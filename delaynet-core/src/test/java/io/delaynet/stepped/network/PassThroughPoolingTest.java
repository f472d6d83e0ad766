package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.model.Topology;
import io.delaynet.stepped.estimator.NeighbourhoodAggregation;
import io.delaynet.stepped.estimator.SurrogateGradient;
import io.delaynet.stepped.loss.FilteredKernelLoss;
import io.delaynet.stepped.neuron.FilteredLifParams;
import io.delaynet.stepped.neuron.PassThroughParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A pooling without neurons is a linear stage: input, 2x2 sum pooling times 1.1 passed straight on,
 * filtered-LIF dense layer is the same network as the dense layer alone with the pooling folded into
 * its weights (w'[i][j] = 1.1 w[window of i][j]). Forward potentials and the input weights' gradients
 * of both must agree, for the surrogate and for NA (whose flips only ever touch the spiking layer).
 */
class PassThroughPoolingTest {
    private static final int STEPS = 6; // the step count of ConvGradientCheckTest.layer's projections
    private static final double POOL_WEIGHT = 1.1;
    private static final FilteredLifParams NEURON = new FilteredLifParams(2.0, 5.0, 1.0, false);

    @Test
    void theSumsReachTheNextLayerAsIfFoldedIntoItsWeights() {
        for (boolean na : new boolean[] {false, true}) {
            SpikeFunction spike = new SpikeFunction.Threshold(new Surrogate.FastSigmoid(0.5, 1.0));
            io.delaynet.stepped.estimator.GradientEstimator estimator = na ? NeighbourhoodAggregation.releasedCode() : new SurrogateGradient(spike);
            SplittableRandom r = new SplittableRandom(3);
            int outputs = 4;
            double[] w = new double[4 * outputs]; // dense 4 pooled inputs -> 4 outputs, pre-major as the engine keeps them
            for (int k = 0; k < w.length; k++) {
                w[k] = 0.4 + 0.5 * r.nextGaussian();
            }
            Topology.SumPool2d pool = new Topology.SumPool2d(1, 4, 4, 2);
            Layer poolLayer = new Layer("layer1", new PassThroughParams(),
                    ConvGradientCheckTest.layer("layer1", NEURON, spike, 16, 4, new double[] {POOL_WEIGHT}, pool).input(),
                    null, estimator);
            Layer dense = new Layer("layer2", NEURON,
                    ConvGradientCheckTest.layer("layer2", NEURON, spike, 4, outputs, w.clone(), Topology.Dense.INSTANCE)
                            .input(), null, estimator);
            SteppedNetwork pooled = new SteppedNetwork(STEPS, List.of(poolLayer, dense), spike);

            double[] folded = new double[outputs * 16];
            for (int j = 0; j < outputs; j++) {
                for (int i = 0; i < 16; i++) {
                    int window = (i / 4 / 2) * 2 + (i % 4) / 2;
                    folded[i * outputs + j] = POOL_WEIGHT * w[window * outputs + j];
                }
            }
            Layer direct = new Layer("layer1", NEURON,
                    ConvGradientCheckTest.layer("layer1", NEURON, spike, 16, outputs, folded, Topology.Dense.INSTANCE)
                            .input(), null, estimator);
            SteppedNetwork alone = new SteppedNetwork(STEPS, List.of(direct), spike);

            SpikeEvents in = TestNetworks.randomInput(11, STEPS, 16, 0.5, true);
            Activity a = pooled.newActivity();
            Activity b = alone.newActivity();
            pooled.forward(in, a);
            alone.forward(in, b);
            assertArrayEquals(b.membrane(0), a.membrane(1), 1e-12, "potentials");
            assertArrayEquals(b.spikes(0), a.spikes(1), 0.0, "spikes");
            double spikes = 0;
            for (double s : a.spikes(1)) {
                spikes += s;
            }
            assertTrue(spikes > 2 && spikes < STEPS * outputs - 2, "a test with some but not all spikes: " + spikes);

            FilteredKernelLoss loss = new FilteredKernelLoss(2.0);
            double[] grad = new double[STEPS * outputs];
            loss.evaluate(a.spikes(1), STEPS, outputs, 1, grad);
            double[][] gp = {new double[1], new double[w.length]};
            double[][] ga = {new double[folded.length]};
            pooled.backward(in, a, grad, gp);
            alone.backward(in, b, grad, ga);
            // dL/dw[j][window] is the sum over the window of the folded gradients, times the pool weight
            double largest = 0;
            for (int j = 0; j < outputs; j++) {
                for (int window = 0; window < 4; window++) {
                    double sum = 0;
                    for (int i = 0; i < 16; i++) {
                        if ((i / 4 / 2) * 2 + (i % 4) / 2 == window) {
                            sum += ga[0][i * outputs + j];
                        }
                    }
                    assertEquals(POOL_WEIGHT * sum, gp[1][window * outputs + j], 1e-12, (na ? "NA" : "surrogate")
                            + " dL/dw[" + j + "][" + window + "]");
                    largest = Math.max(largest, Math.abs(sum));
                }
            }
            assertTrue(largest > 1e-3, "gradients all zero: the check would prove nothing");
        }
    }
}
