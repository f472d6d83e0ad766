package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.loss.SpikeTimeLoss;
import io.delaynet.stepped.neuron.AlphaKernel;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.neuron.SrmParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import io.delaynet.train.ParameterGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Different code paths that must compute the same thing. */
class EngineEquivalenceTest {
    private static final SpikeFunction SPIKE = new SpikeFunction.Threshold(new Surrogate.Exponential(1, 1));
    private static final int T = 10;

    /**
     * At whole-step delays, linear interpolation is exactly a floor shift with the reference's
     * finite difference, so the specialised shift loops and the general tap loops must agree.
     */
    @Test
    void shiftFastPathEqualsGeneralTapPathAtWholeStepDelays() {
        for (DelayKind kind : DelayKind.values()) {
            SteppedNetwork shift = TestNetworks.random(3, T, new int[] {12, 9, 4}, new SrmParams(1, 3, 1, 2, true),
                    kind, new DelayInterpolation.IntegerShift(Rounding.FLOOR), SPIKE, 1.5, 4);
            SteppedNetwork linear = TestNetworks.random(3, T, new int[] {12, 9, 4}, new SrmParams(1, 3, 1, 2, true),
                    kind, new DelayInterpolation.Linear(), SPIKE, 1.5, 4);
            List<ParameterGroup> a = shift.parameters();
            List<ParameterGroup> b = linear.parameters();
            for (int g = 1; g < a.size(); g += 2) {
                double[] d = a.get(g).values();
                for (int k = 0; k < d.length; k++) {
                    d[k] = k % 7 == 0 ? 12 : Math.floor(d[k]); // some past the end of the window
                }
                System.arraycopy(d, 0, b.get(g).values(), 0, d.length);
            }
            shift.clampDelays();
            linear.clampDelays();
            SpikeEvents input = TestNetworks.randomInput(4, T, 12, 0.25, false);
            double[][] ga = GradientCheckTest.gradients(shift, input, new SpikeTimeLoss(new AlphaKernel(3, 1), 6), 2);
            double[][] gb = GradientCheckTest.gradients(linear, input, new SpikeTimeLoss(new AlphaKernel(3, 1), 6), 2);
            double norm = 0;
            for (int g = 0; g < ga.length; g++) {
                assertArrayEquals(gb[g], ga[g], 1e-12, kind + " group " + a.get(g).name());
                for (double v : ga[g]) {
                    norm += Math.abs(v);
                }
            }
            assertTrue(norm > 1e-3, "gradients vanished");
        }
    }

    /** The dense baseline passes zeros between layers too; adding zeros changes no bit. */
    @Test
    void denseBaselineComputesExactlyTheSparseResult() {
        SteppedNetwork net = TestNetworks.random(8, T, new int[] {30, 20, 5}, new SrmParams(1, 3, 1, 2, true),
                DelayKind.SYNAPTIC, new DelayInterpolation.IntegerShift(Rounding.FLOOR), SPIKE, 1.2, 4);
        SpikeEvents sparse = TestNetworks.randomInput(9, T, 30, 0.1, false);
        double[] raster = new double[T * 30];
        for (int t = 0; t < T; t++) {
            for (int k = sparse.from(t); k < sparse.to(t); k++) {
                raster[t * 30 + sparse.neuron(k)] = 1;
            }
        }
        SpikeEvents dense = new SpikeEvents(T);
        dense.collectAll(raster, 30);
        assertEquals(T * 30, dense.size());
        SpikeTimeLoss loss = new SpikeTimeLoss(new AlphaKernel(10, 1), 10);

        Activity a = net.newActivity();
        Activity b = net.newDenseActivity();
        net.forward(sparse, a);
        net.forward(dense, b);
        assertArrayEquals(a.spikes(1), b.spikes(1));
        double[] grad = new double[T * 5];
        loss.evaluate(a.spikes(1), T, 5, 3, grad);
        double[][] ga = zeros(net);
        double[][] gb = zeros(net);
        net.backward(sparse, a, grad, ga);
        net.backward(dense, b, grad, gb);
        for (int g = 0; g < ga.length; g++) {
            assertArrayEquals(ga[g], gb[g], 0.0);
        }
    }

    /**
     * Deployment: whole-step delays in delay buffers of max delay + 1 slots, simulated one step
     * at a time for all layers, give what the layer-major engine gives.
     */
    @Test
    void stepByStepDeploymentReproducesTheLayerMajorEngine() {
        NeuronModel[] models = {new SrmParams(1, 3, 1, 2, true), LifParams.ofBeta(0.8, 1, LifParams.Reset.SUBTRACT, true)};
        for (NeuronModel model : models) {
            for (DelayKind kind : DelayKind.values()) {
                SteppedNetwork net = TestNetworks.random(13, T, new int[] {15, 10, 6}, model, kind,
                        new DelayInterpolation.IntegerShift(Rounding.ROUND), SPIKE, 1.0, 5);
                DeployedNetwork deployed = DeployedNetwork.of(net);
                int total = 0;
                for (long seed = 0; seed < 4; seed++) {
                    SpikeEvents input = TestNetworks.randomInput(seed, T, 15, 0.2, false);
                    Activity a = net.newActivity();
                    net.forward(input, a);
                    double[] stepped = deployed.run(input);
                    assertArrayEquals(a.spikes(1), stepped, model + " " + kind);
                    for (double s : stepped) {
                        total += (int) s;
                    }
                }
                assertTrue(total > 5, "outputs too silent to compare: " + total);
                int longest = kind == DelayKind.NONE ? 0 : deployed.maxDelay(0);
                assertTrue(kind == DelayKind.NONE ? deployed.maxDelay(0) == 0 : longest >= 4 && longest <= 6,
                        kind + " max delay " + deployed.maxDelay(0));
            }
        }
    }

    @Test
    void deploymentRoundsInterpolatedDelays() {
        SteppedNetwork net = TestNetworks.random(2, T, new int[] {3, 2}, new SrmParams(1, 3, 1, 2, true),
                DelayKind.SYNAPTIC, new DelayInterpolation.Linear(), SPIKE, 1.0, 3);
        double[] d = net.projection(0).delays().values();
        DeployedNetwork deployed = DeployedNetwork.of(net);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(Math.round(d[i * 2 + j]), deployed.delay(0, i, j));
            }
        }
    }

    private static double[][] zeros(SteppedNetwork net) {
        List<ParameterGroup> groups = net.parameters();
        double[][] g = new double[groups.size()][];
        for (int i = 0; i < g.length; i++) {
            g[i] = new double[groups.get(i).size()];
        }
        return g;
    }
}
