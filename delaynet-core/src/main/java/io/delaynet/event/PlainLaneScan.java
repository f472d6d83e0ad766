package io.delaynet.event;

/**
 * {@link LaneScan} as plain loops over 4 lanes, for a JVM without the Vector API module: the
 * steps of {@code VectorLaneScan} one lane at a time, with conditional expressions where it
 * blends, so that it too leaves the loop only at the end.
 */
final class PlainLaneScan extends LaneScan {
    private static final int WIDTH = 4;
    private static final double MARGIN = FirstSpike.MARGIN;

    @Override
    int width() {
        return WIDTH;
    }

    @Override
    void group(Scratch s, EventTrace trace, int l, Projection p, int active, double c, int from) {
        int post = p.post();
        int lanes = Math.min(WIDTH, post - from);
        int[] order = trace.presynapticOrder;
        double[] in = trace.times[l];
        double[] inHalf = trace.inputHalfExp;
        double[] d = p.delaysByInput();
        double[] dHalf = p.halfExpsByInput();
        double[] w = p.weights().values(); // live: a caller may change them without a refresh
        for (int m = 0; m < active; m++) {
            int i = order[m];
            int row = i * post + from;
            for (int lane = 0; lane < WIDTH; lane++) {
                boolean real = lane < lanes;
                s.arrival[m * WIDTH + lane] = (real ? d[row + lane] : 0.0) + in[i];
                s.half[m * WIDTH + lane] = (real ? dHalf[row + lane] : 0.0) * inHalf[i];
                s.weight[m * WIDTH + lane] = real ? w[(from + lane) * p.pre() + i] : 0.0;
            }
        }
        for (int m = 0; m < active; m++) {
            for (int lane = 0; lane < WIDTH; lane++) {
                double a = s.arrival[m * WIDTH + lane];
                int rank = 0;
                for (int q = 0; q < m; q++) {
                    rank += s.arrival[q * WIDTH + lane] <= a ? 1 : 0;
                }
                for (int q = m + 1; q < active; q++) {
                    rank += s.arrival[q * WIDTH + lane] < a ? 1 : 0;
                }
                s.rank[m * WIDTH + lane] = rank;
            }
        }
        double[] arrivals = trace.arrival[l];
        double[] halves = trace.halfExp[l];
        double[] weights = trace.weight[l];
        int[] sources = trace.source[l];
        int stride = trace.laneStride[l];
        for (int m = 0; m < active; m++) {
            for (int lane = 0; lane < WIDTH; lane++) {
                int at = m * WIDTH + lane;
                int to = (int) s.rank[at] * stride + from + lane; // the lane layout
                arrivals[to] = s.arrival[at];
                halves[to] = s.half[at];
                weights[to] = s.weight[at];
                sources[to] = order[m];
            }
        }
        for (int lane = 0; lane < WIDTH; lane++) {
            double sumFull = 0;
            double sumHalf = 0;
            double root = 0;
            int causal = 0;
            for (int k = 0; k < active; k++) {
                int at = k * stride + from + lane;
                double h = halves[at];
                double wk = weights[at];
                sumFull += wk * (h * h);
                sumHalf += wk * h;
                // FirstSpike.candidate, tau_m = 2 tau_s, every test evaluated
                double a2h = sumHalf * h;
                double falling = a2h - 2.0 * sumFull;
                boolean past = falling > MARGIN * (2.0 * Math.abs(sumFull) + Math.abs(a2h));
                double disc = sumHalf * sumHalf - 4.0 * sumFull * c;
                double y = (sumHalf + Math.sqrt(disc)) / (2.0 * sumFull);
                boolean accept = sumFull > 0.0 & !past & y > 0.0 & y * h <= 1.0;
                if (k + 1 < active) {
                    int next = at + stride;
                    double hNext = halves[next];
                    double a2hNext = sumHalf * hNext;
                    double ch2 = c * hNext * hNext;
                    double rising = 2.0 * sumFull - a2hNext;
                    double below = ch2 - a2hNext + sumFull;
                    boolean later = rising >= 0.0 & below > MARGIN * (a2hNext + Math.abs(sumFull) + ch2 + rising);
                    boolean tie = arrivals[next] == arrivals[at];
                    accept = accept & !tie & !later & y * hNext >= 1.0;
                }
                boolean first = accept & causal == 0;
                root = first ? y : root;
                causal = first ? k + 1 : causal;
            }
            s.root[lane] = root;
            s.causal[lane] = causal;
        }
    }
}
