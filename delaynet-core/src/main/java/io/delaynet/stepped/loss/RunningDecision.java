package io.delaynet.stepped.loss;

import java.util.Arrays;

/**
 * The class a {@link Decision} would name if the window ended now, kept step by step, and the
 * <b>decision step</b>: the number of steps s after which the running decision no longer changes,
 * i.e. the smallest s in 1..T such that the decision on the first s' steps equals the final one
 * for every s' >= s. It is the inference latency of a network that is read out continuously: an
 * observer that watches the running decision has the final answer after s steps (it cannot know
 * that the answer will not change again, so this is a lower bound of a stopping rule's latency).
 * Without any output (a spiking read-out that never fires) the running decision is -1 and counts
 * as a decision like any other.
 *
 * <p>One instance per worker: {@link #reset} and {@link #advance} allocate nothing.
 */
public final class RunningDecision {
    private final Decision decision;
    private final int classes;
    private final double[] score;
    private final int[] counts;
    private final int[] first;
    private int earliest;
    private int step;
    private int current;
    private int settled;

    public RunningDecision(Decision decision, int classes) {
        this.decision = decision;
        this.classes = classes;
        this.score = new double[classes];
        this.counts = new int[classes];
        this.first = new int[classes];
        reset();
    }

    /** Back to an empty window. */
    public void reset() {
        Arrays.fill(score, decision == Decision.MAX_OUTPUT ? Double.NEGATIVE_INFINITY : 0.0);
        Arrays.fill(counts, 0);
        Arrays.fill(first, Integer.MAX_VALUE);
        earliest = Integer.MAX_VALUE;
        step = 0;
        current = Integer.MIN_VALUE;
        settled = 0;
    }

    /** Takes in the outputs of the next step, {@code out[offset + k]} for class k. */
    public void advance(double[] out, int offset) {
        for (int k = 0; k < classes; k++) {
            double v = out[offset + k];
            switch (decision) {
                case MEAN_OUTPUT -> score[k] += v;
                case MAX_OUTPUT -> score[k] = Math.max(score[k], v);
                default -> {
                    if (v != 0) {
                        counts[k]++;
                        first[k] = Math.min(first[k], step);
                        earliest = Math.min(earliest, step);
                    }
                }
            }
        }
        int now = decide();
        if (now != current) {
            current = now;
            settled = step + 1;
        }
        step++;
    }

    /** The decision on the steps seen so far (as {@link Decision#predict} on them). */
    public int current() {
        return current;
    }

    /** The decision step of the steps seen so far (0 before the first step). */
    public int settledStep() {
        return settled;
    }

    /** The decision step of a whole recorded output, {@code out[t * classes + k]}. */
    public static int settledStep(Decision decision, double[] out, int steps, int classes) {
        RunningDecision r = new RunningDecision(decision, classes);
        for (int t = 0; t < steps; t++) {
            r.advance(out, t * classes);
        }
        return r.settledStep();
    }

    /** The same rules, ties and all, as {@link Decision#predict}, on the running tallies. */
    private int decide() {
        switch (decision) {
            case MEAN_OUTPUT, MAX_OUTPUT -> {
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (score[k] > score[best]) {
                        best = k;
                    }
                }
                return best;
            }
            case EARLIEST_SPIKE -> {
                if (earliest == Integer.MAX_VALUE) {
                    return -1;
                }
                int winner = -1;
                int tied = 0;
                for (int k = 0; k < classes; k++) {
                    if (first[k] == earliest) {
                        winner = k;
                        tied++;
                    }
                }
                if (tied == 1) {
                    return winner;
                }
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (counts[k] > counts[best]) {
                        best = k;
                    }
                }
                return best;
            }
            default -> {
                if (earliest == Integer.MAX_VALUE) {
                    return -1;
                }
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (counts[k] > counts[best] || (counts[k] == counts[best] && first[k] < first[best])) {
                        best = k;
                    }
                }
                return best;
            }
        }
    }
}
