package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The layer forward pass orders arrivals by presorting inputs once per layer and letting each neuron
 * repair the order its delays disturb. Against the plain scan over all arrivals sorted up front it must
 * give the same spike times, bit for bit, also when wide delays reorder the inputs and when inputs
 * arrive together.
 */
class ArrivalOrderTest {

    @ParameterizedTest
    @EnumSource(DelayKind.class)
    void presortedOrderingGivesTheSpikeTimesOfTheFullScan(DelayKind kind) {
        SplittableRandom r = new SplittableRandom(99 + kind.ordinal());
        int checked = 0;
        int spikes = 0;
        for (double ratio : new double[] {1.0, 2.0}) {
            LifModel model = new LifModel(ratio, 1.0);
            for (int trial = 0; trial < 40; trial++) {
                int pre = 1 + r.nextInt(40);
                int post = 1 + r.nextInt(5);
                double[] w = new double[pre * post];
                for (int s = 0; s < w.length; s++) {
                    w[s] = r.nextDouble(-0.5, 1.5) * 10.0 / pre;
                }
                int count = kind.parameterCount(pre, post, 1, 1);
                double[] raw = new double[count];
                for (int q = 0; q < count; q++) {
                    raw[q] = r.nextDouble(0, 3);
                }
                Projection p = new Projection(0, pre, post, w, kind, new DelayParameterisation.Clip(0, 3),
                        kind == DelayKind.NONE ? null : raw, 1, 1);
                EventNetwork net = new EventNetwork(model, pre, List.of(p));
                double[] in = new double[pre];
                for (int i = 0; i < pre; i++) {
                    in[i] = r.nextInt(5) == 0 ? Double.POSITIVE_INFINITY
                            : r.nextInt(4) == 0 ? 0.5 : r.nextDouble(0, 3); // some silent, some simultaneous
                }
                double[] lazy = net.forward(in, net.newTrace()).clone();
                for (int j = 0; j < post; j++) {
                    assertEquals(fullScan(p, model, in, j), lazy[j], 0.0, kind + " trial " + trial + " neuron " + j);
                    checked++;
                    spikes += Double.isFinite(lazy[j]) ? 1 : 0;
                }
            }
        }
        assertTrue(spikes > checked / 4 && spikes < checked, spikes + " of " + checked + " neurons spiked");
    }

    /** All arrivals of neuron j sorted first (stable), then the plain causal-set scan. */
    private static double fullScan(Projection p, LifModel model, double[] in, int j) {
        int pre = p.pre();
        Integer[] idx = new Integer[pre];
        for (int i = 0; i < pre; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(in[a] + p.delay(a, j), in[b] + p.delay(b, j)));
        double ref = Double.POSITIVE_INFINITY;
        for (double t : in) {
            ref = Math.min(ref, t);
        }
        double[] arrival = new double[pre];
        double[] weight = new double[pre];
        double[] half = new double[pre];
        int n = 0;
        for (int i : idx) {
            if (in[i] == Double.POSITIVE_INFINITY) {
                continue;
            }
            arrival[n] = in[i] + p.delay(i, j);
            weight[n] = p.weights().values()[j * pre + i];
            half[n] = Math.exp(0.5 * (in[i] - ref)) * Math.exp(0.5 * p.delay(i, j));
            n++;
        }
        return n == 0 ? Double.POSITIVE_INFINITY : FirstSpike.scan(0, n, arrival, weight, half, ref, model, new int[1], 0);
    }
}
