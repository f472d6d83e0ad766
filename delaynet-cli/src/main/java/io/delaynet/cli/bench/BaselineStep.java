package io.delaynet.cli.bench;

import io.delaynet.event.DelGradLearner;
import io.delaynet.event.EventNetwork;
import io.delaynet.event.Projection;
import io.delaynet.event.config.DelGradConfig;
import io.delaynet.event.config.DelGradMethod;
import io.delaynet.train.Adam;
import io.delaynet.train.Split;
import java.util.Arrays;

/**
 * The bench's baseline: one DelGrad training epoch computed the way the authors' PyTorch code
 * organises it, written in plain single-threaded Java so that the comparison isolates the
 * algorithm rather than the language. For every neuron and every k it recomputes the sums over
 * the first k sorted inputs from absolute-time exponentials (O(n^2) per neuron, like the masked
 * einsum), takes the minimum valid candidate, and evaluates the closed-form derivatives of the
 * paper for tau_m = 2 tau_s. Only used for timing; its gradients are not checked here.
 */
final class BaselineStep {
    private BaselineStep() {
    }

    static double secondsPerEpoch(DelGradConfig config, int epochs) {
        DelGradLearner learner = DelGradMethod.learner(config);
        EventNetwork net = learner.network();
        var data = learner.data(Split.TRAIN);
        int batch = config.training().batchSize();
        Adam adam = Adam.withDefaults(net.parameters(), false);
        double best = Double.POSITIVE_INFINITY;
        for (int e = 0; e < epochs + 1; e++) {
            long start = System.nanoTime();
            for (int from = 0; from < data.size(); from += batch) {
                double[][] grads = net.newGradients();
                for (int s = from; s < Math.min(data.size(), from + batch); s++) {
                    sample(net, data.inputs()[s], data.labels()[s], grads, config.loss().deltaT());
                }
                adam.step(grads, key -> 0.001);
                net.refresh();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (e > 0) {
                best = Math.min(best, seconds); // first epoch is JIT warm-up
            }
        }
        return best;
    }

    private static void sample(EventNetwork net, double[] input, int label, double[][] grads, double deltaT) {
        int layers = net.layerCount();
        double[][] times = new double[layers + 1][];
        double[][][] arrivals = new double[layers][][];
        times[0] = input;
        for (int l = 0; l < layers; l++) {
            Projection p = net.projection(l);
            times[l + 1] = new double[p.post()];
            arrivals[l] = new double[p.post()][p.pre()];
            for (int j = 0; j < p.post(); j++) {
                double[] a = arrivals[l][j];
                for (int i = 0; i < p.pre(); i++) {
                    a[i] = times[l][i] + p.delay(i, j);
                }
                times[l + 1][j] = spikeTime(a, p, j, net.model().threshold() * net.model().leakConductance());
            }
        }
        double[] out = times[layers];
        if (Double.isInfinite(out[label])) {
            return;
        }
        double[] delta = new double[out.length];
        for (int k = 0; k < out.length; k++) {
            if (k != label) {
                double r = out[k] - out[label] - deltaT;
                delta[k] = r;
                delta[label] -= r;
            }
        }
        int slot = grads.length;
        for (int l = layers - 1; l >= 0; l--) {
            Projection p = net.projection(l);
            double[] gd = p.delays() != null ? grads[--slot] : null;
            double[] gw = grads[--slot];
            double[] previous = new double[p.pre()];
            double c = net.model().threshold() * net.model().leakConductance();
            for (int j = 0; j < p.post(); j++) {
                double t = times[l + 1][j];
                if (!Double.isFinite(t) || delta[j] == 0) {
                    continue;
                }
                double a1 = 1e-6;
                double a2 = 1e-6;
                for (int i = 0; i < p.pre(); i++) {
                    double a = arrivals[l][j][i];
                    if (a <= t) {
                        double w = p.weights().values()[j * p.pre() + i];
                        a1 += w * Math.exp(a);
                        a2 += w * Math.exp(a / 2);
                    }
                }
                double sq = Math.sqrt(a2 * a2 - 4 * a1 * c);
                for (int i = 0; i < p.pre(); i++) {
                    double a = arrivals[l][j][i];
                    if (!(a <= t)) {
                        continue;
                    }
                    double w = p.weights().values()[j * p.pre() + i];
                    double common = (1 + c / sq * Math.exp(t / 2)) / a1;
                    double dw = 2 * (common * Math.exp(a) - Math.exp(a / 2) / sq);
                    double dt = w * (common * 2 * Math.exp(a) - Math.exp(a / 2) / sq);
                    gw[j * p.pre() + i] += delta[j] * dw;
                    if (gd != null) {
                        gd[Math.min(gd.length - 1, j * p.pre() + i) % gd.length] += delta[j] * dt;
                    }
                    previous[i] += delta[j] * dt;
                }
            }
            delta = previous;
        }
    }

    /** Minimum over all valid causal-set candidates, each recomputed from scratch. */
    private static double spikeTime(double[] arrival, Projection p, int j, double c) {
        int n = arrival.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(arrival[x], arrival[y]));
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double a1 = 1e-6;
            double a2 = 1e-6;
            for (int m = 0; m <= k; m++) {
                int i = order[m];
                double w = p.weights().values()[j * p.pre() + i];
                a1 += w * Math.exp(arrival[i]);
                a2 += w * Math.exp(arrival[i] / 2);
            }
            double t = 2 * Math.log(2 * a1 / (a2 + Math.sqrt(a2 * a2 - 4 * a1 * c)));
            boolean valid = t >= arrival[order[k]] && (k + 1 == n || t <= arrival[order[k + 1]]);
            if (valid && t < best) {
                best = t;
            }
        }
        return best;
    }
}
