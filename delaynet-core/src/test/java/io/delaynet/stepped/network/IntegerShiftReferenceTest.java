package io.delaynet.stepped.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.stepped.delay.DelayBounds;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.delay.DelayKind;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.neuron.SlayerReference;
import io.delaynet.stepped.neuron.SrmParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import io.delaynet.train.ParameterGroup;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The whole-step delay path against a literal transcription of the reference: the delay shifts
 * the weighted PSP of each input ({@code y_ij[t] = w_ij psp_i[t - floor(d_ij)]}), the delay
 * gradient is {@code -sum_t g_j[t] (y_ij[t] - y_ij[t-1])}, the weight gradient
 * {@code sum_t g_j[t] psp_i[t - floor(d_ij)]}, with {@code g = dL/ds * rho(u)} and the refractory
 * response not differentiated.
 */
class IntegerShiftReferenceTest {
    private static final int T = 10;
    private static final SpikeFunction SPIKE = new SpikeFunction.Threshold(new Surrogate.Exponential(1, 1));

    /** Hand cases at the window's edges: arrival inside, at the last step, past the end, on a whole step. */
    @Test
    void handCasesAtTheEdgesOfTheWindow() {
        int[][] spikeTimes = {{2}, {0, 5}};
        double[] delays = {6.5, 7.2, 8.9, 3.0, 0.0, 4.99};
        double[] weights = {25, -4, 30, 18, 12, 22};
        check(spikeTimes, 2, 3, weights, delays, 17);
    }

    @Test
    void randomLayersWithBurstsOfInputSpikes() {
        SplittableRandom r = new SplittableRandom(8);
        for (int trial = 0; trial < 5; trial++) {
            int pre = 5;
            int post = 4;
            int[][] spikeTimes = new int[pre][];
            for (int i = 0; i < pre; i++) {
                spikeTimes[i] = r.ints(r.nextInt(4), 0, T).distinct().sorted().toArray();
            }
            double[] w = new double[pre * post];
            double[] d = new double[pre * post];
            for (int k = 0; k < w.length; k++) {
                w[k] = 12 * r.nextGaussian() + 6;
                d[k] = 6 * r.nextDouble();
            }
            check(spikeTimes, pre, post, w, d, 100 + trial);
        }
    }

    @Test
    void sharedDelaysGetTheSumOfTheirConnectionsGradients() {
        SplittableRandom r = new SplittableRandom(21);
        int pre = 3;
        int post = 4;
        int[][] spikeTimes = {{0, 3}, {1}, {2, 6}};
        double[] w = new double[pre * post];
        for (int k = 0; k < w.length; k++) {
            w[k] = 15 * r.nextGaussian() + 8;
        }
        for (DelayKind kind : new DelayKind[] {DelayKind.AXONAL, DelayKind.DENDRITIC}) {
            double[] shared = new double[kind.count(pre, post)];
            for (int k = 0; k < shared.length; k++) {
                shared[k] = 5 * r.nextDouble();
            }
            double[] expanded = new double[pre * post];
            for (int i = 0; i < pre; i++) {
                for (int j = 0; j < post; j++) {
                    expanded[i * post + j] = shared[kind == DelayKind.AXONAL ? i : j];
                }
            }
            double[] gS = upstream(post, 5);
            Result full = engine(spikeTimes, pre, post, w, expanded, DelayKind.SYNAPTIC, gS);
            Result sharedResult = engine(spikeTimes, pre, post, w, shared, kind, gS);
            double[] summed = new double[shared.length];
            for (int i = 0; i < pre; i++) {
                for (int j = 0; j < post; j++) {
                    summed[kind == DelayKind.AXONAL ? i : j] += full.gradDelays[i * post + j];
                }
            }
            assertArrayEquals(summed, sharedResult.gradDelays, 1e-12, kind.name());
            assertArrayEquals(full.gradWeights, sharedResult.gradWeights, 1e-12, kind.name());
        }
    }

    private record Result(double[] spikes, double[] membrane, double[] gradWeights, double[] gradDelays,
                          double[] gradInput) {
    }

    private static void check(int[][] spikeTimes, int pre, int post, double[] w, double[] d, long seed) {
        double[] gS = upstream(post, seed);
        Result engine = engine(spikeTimes, pre, post, w, d, DelayKind.SYNAPTIC, gS);

        double[] eps = SlayerReference.kernel(10, 1, 300);
        double[] nu = SlayerReference.kernel(1, -20, 300);
        double[][] psp = new double[pre][];
        for (int i = 0; i < pre; i++) {
            double[] s = new double[T];
            for (int t : spikeTimes[i]) {
                s[t] = 1;
            }
            psp[i] = SlayerReference.psp(s, eps);
        }
        double[][][] y = new double[pre][post][T];
        double nonZero = 0;
        for (int j = 0; j < post; j++) {
            double[] u = new double[T];
            for (int i = 0; i < pre; i++) {
                int shift = (int) d[i * post + j]; // the reference's static_cast<int>(d / Ts)
                for (int t = shift; t < T; t++) {
                    y[i][j][t] = w[i * post + j] * psp[i][t - shift];
                    u[t] += y[i][j][t];
                }
            }
            double[] s = SlayerReference.spikes(u, nu, 10);
            double[] g = new double[T];
            for (int t = 0; t < T; t++) {
                assertEquals(s[t], engine.spikes[t * post + j], "spike " + j + "@" + t);
                assertEquals(u[t], engine.membrane[t * post + j], 1e-9, "membrane " + j + "@" + t);
                g[t] = gS[t * post + j] * SlayerReference.rho(u[t], 10, 1, 1);
            }
            for (int i = 0; i < pre; i++) {
                int shift = (int) d[i * post + j];
                double gd = 0;
                double gw = 0;
                for (int t = 0; t < T; t++) {
                    double before = t == 0 ? 0 : y[i][j][t - 1];
                    gd -= g[t] * (y[i][j][t] - before);
                    gw += t >= shift ? g[t] * psp[i][t - shift] : 0;
                }
                assertEquals(gd, engine.gradDelays[i * post + j], 1e-10, "delay gradient " + i + "->" + j);
                assertEquals(gw, engine.gradWeights[i * post + j], 1e-10, "weight gradient " + i + "->" + j);
                nonZero += Math.abs(gd);
            }
        }
        for (int i = 0; i < pre; i++) {
            for (int t = 0; t < T; t++) {
                double expected = 0;
                for (int j = 0; j < post; j++) {
                    int shift = (int) d[i * post + j];
                    for (int later = t + shift + 1; later < T; later++) {
                        double u = engine.membrane[later * post + j];
                        expected += w[i * post + j] * gS[later * post + j] * SlayerReference.rho(u, 10, 1, 1)
                                * eps[later - shift - t];
                    }
                }
                assertEquals(expected, engine.gradInput[t * pre + i], 1e-10, "input gradient " + i + "@" + t);
            }
        }
        assertTrue(nonZero > 1e-6, "all delay gradients vanished; the case tests nothing");
    }

    private static double[] upstream(int post, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] gS = new double[T * post];
        for (int k = 0; k < gS.length; k++) {
            gS[k] = r.nextGaussian();
        }
        return gS;
    }

    private static Result engine(int[][] spikeTimes, int pre, int post, double[] w, double[] d, DelayKind kind,
                                 double[] gS) {
        Projection p = new Projection(pre, post, T, kind, new DelayInterpolation.IntegerShift(Rounding.FLOOR),
                DelayBounds.NON_NEGATIVE, 0, new ParameterGroup("w", w.clone(), "weights", true),
                new ParameterGroup("d", d.clone(), "delays", true));
        SpikeEvents events = new SpikeEvents(T);
        events.clear();
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < pre; i++) {
                for (int s : spikeTimes[i]) {
                    if (s == t) {
                        events.add(t, i, 1.0);
                    }
                }
            }
        }
        events.finish();
        SrmParams srm = SrmParams.reference();
        double[] arrival = new double[p.arrivalLength()];
        double[] membrane = new double[T * post];
        double[] spikes = new double[T * post];
        for (int t = 0; t < T; t++) {
            p.scatter(events, t, arrival);
        }
        srm.run(srm.newState(post), arrival, T, membrane, spikes, SPIKE);
        double[] gradArrival = new double[p.arrivalLength()];
        srm.backpropagate(srm.newState(post), membrane, spikes, gS, T, gradArrival, SPIKE);
        double[] gw = new double[w.length];
        double[] gd = new double[d.length];
        double[] gin = new double[T * pre];
        p.backward(events, gradArrival, gw, gd, gin, new double[p.arrivalLength()]);
        return new Result(spikes, membrane, gw, gd, gin);
    }
}
