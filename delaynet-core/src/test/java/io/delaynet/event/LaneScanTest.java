package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lane scan of small synaptic layers against the scalar path ({@link NeuronScan}, one neuron at a
 * time), bit for bit: spike times, causal sets, arrival counts and every entry of every list (in
 * its lane layout, {@link EventTrace#listIndex}), for
 * both kernels, on random layers of 1 to 8 active inputs and 1 to 19 neurons (so that groups end
 * part-filled). The layers are drawn to hold what the branch-free scan must get right without
 * leaving early: neurons that never fire, exact ties of arrivals (times and delays on a grid),
 * arrivals one ulp apart, inputs that arrive after the spike, and silent inputs.
 */
class LaneScanTest {
    private static final LifModel MODEL = new LifModel(2.0, 1.0);

    @ParameterizedTest(name = "{0} kernel")
    @ValueSource(strings = {"plain", "vector"})
    void everyListAndSpikeIsTheScalarPaths(String kernel) {
        LaneScan lanes = kernel.equals("plain") ? new PlainLaneScan() : new VectorLaneScan();
        SplittableRandom r = new SplittableRandom(1717);
        int silent = 0;
        int spikes = 0;
        int late = 0;
        int ties = 0;
        for (int network = 0; network < 400; network++) {
            int pre = 1 + r.nextInt(8);
            int post = 1 + r.nextInt(19);
            boolean grid = r.nextBoolean();
            Projection p = projection(r, pre, post, grid);
            EventNetwork net = new EventNetwork(MODEL, pre, List.of(p));
            EventTrace scalar = net.newTrace();
            EventTrace laned = net.newTrace();
            for (int sample = 0; sample < 10; sample++) {
                double[] input = input(r, pre, grid);
                int active = start(net, p, input, scalar);
                if (active == 0) {
                    continue;
                }
                start(net, p, input, laned);
                double ref = scalar.reference[0];
                double[] expected = scalar.times[1];
                for (int j = 0; j < post; j++) {
                    expected[j] = NeuronScan.firstSpike(scalar, 0, p, j, active, ref, MODEL);
                }
                lanes.scan(laned, 0, p, active, ref, MODEL, laned.times[1]);
                assertTrue(laned.laned[0] && !scalar.laned[0], "the lane scan lays its lists out by lanes");
                for (int j = 0; j < post; j++) {
                    String at = "network " + network + " sample " + sample + " neuron " + j;
                    assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(laned.times[1][j]),
                            at + ": spike time " + expected[j] + " vs " + laned.times[1][j]);
                    assertEquals(scalar.causal[0][j], laned.causal[0][j], at + ": causal set");
                    assertEquals(scalar.arrivals[0][j], laned.arrivals[0][j], at + ": arrivals");
                    for (int k = 0; k < active; k++) {
                        int e = scalar.listIndex(0, pre, j, k);
                        int f = laned.listIndex(0, pre, j, k);
                        assertEquals(scalar.arrival[0][e], laned.arrival[0][f], 0.0, at + ": arrival " + k);
                        assertEquals(scalar.halfExp[0][e], laned.halfExp[0][f], 0.0, at + ": half exponential " + k);
                        assertEquals(scalar.weight[0][e], laned.weight[0][f], 0.0, at + ": weight " + k);
                        assertEquals(scalar.source[0][e], laned.source[0][f], at + ": source " + k);
                        ties += k > 0 && scalar.arrival[0][e] == scalar.arrival[0][e - 1] ? 1 : 0;
                    }
                    int causal = scalar.causal[0][j];
                    silent += causal == 0 ? 1 : 0;
                    spikes += causal > 0 ? 1 : 0;
                    late += causal > 0 && causal < active ? 1 : 0;
                }
            }
        }
        assertTrue(silent > 500, "neurons that never fire: " + silent);
        assertTrue(spikes > 2000, "spiking neurons: " + spikes);
        assertTrue(late > 1000, "spikes before the last arrival: " + late);
        assertTrue(ties > 300, "exactly simultaneous arrivals: " + ties);
    }

    @Test
    void theVectorKernelRunsWhereItsModuleIs() {
        assertTrue(LaneScan.fastest() instanceof VectorLaneScan, "the tests run with jdk.incubator.vector");
    }

    /** What the forward pass does for a layer before its neurons: reference, order, half exponentials. */
    private static int start(EventNetwork net, Projection p, double[] input, EventTrace trace) {
        System.arraycopy(input, 0, trace.times[0], 0, input.length);
        double ref = ArrivalList.startLayer(trace, 0);
        if (ref == Double.POSITIVE_INFINITY) {
            return 0;
        }
        int active = InputOrder.sort(p, trace.times[0], trace.presynapticOrder, trace.inputLowerBound, trace.sortKeys);
        ArrivalList.inputHalfExps(trace, 0, trace.presynapticOrder, active, ref);
        trace.shared[0] = false;
        return active;
    }

    /**
     * Weights around the firing threshold of a few inputs, a sixth negative, and per-layer scales from
     * far too weak (silent neurons) to strong (spikes after the first input); delays anywhere in
     * [0, 2], or on a grid of 1/8 with some one ulp off it.
     */
    private static Projection projection(SplittableRandom r, int pre, int post, boolean grid) {
        double scale = 1.6 * 4.0 / pre * r.nextDouble(0.2, 2.5);
        double[] w = new double[pre * post];
        for (int s = 0; s < w.length; s++) {
            w[s] = (r.nextInt(6) == 0 ? -r.nextDouble(0.0, 0.8) : r.nextDouble(0.0, 1.6)) * scale;
        }
        double[] raw = new double[pre * post];
        for (int s = 0; s < raw.length; s++) {
            raw[s] = grid ? r.nextInt(9) / 8.0 : r.nextDouble(0.0, 2.0);
            if (grid && r.nextInt(6) == 0) {
                raw[s] = Math.nextUp(raw[s] + 0.125);
            }
        }
        return new Projection(0, pre, post, w, DelayKind.SYNAPTIC, new DelayParameterisation.Clip(0.0, 2.0), raw, 1, 1);
    }

    /** Input spike times, on the delay grid or anywhere in [0, 2]; a sixth silent. */
    private static double[] input(SplittableRandom r, int n, boolean grid) {
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = r.nextInt(6) == 0 ? Double.POSITIVE_INFINITY
                    : grid ? 0.25 + r.nextInt(9) / 8.0 : r.nextDouble(0.0, 2.0);
        }
        return in;
    }
}
