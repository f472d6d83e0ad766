package io.delaynet.run;

import io.delaynet.train.EpochMetrics;
import io.delaynet.train.ParameterGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the epoch with the highest validation accuracy so far (the earliest on ties),
 * for runs that keep the best model rather than the last. Kept in the checkpoint, so a resumed run
 * selects the same epoch as an uninterrupted one.
 */
final class BestParameters {
    private static final String PREFIX = "best:";
    private final List<ParameterGroup> groups;
    private final double[][] values;
    private double accuracy = Double.NEGATIVE_INFINITY;
    private int epoch;

    BestParameters(List<ParameterGroup> groups) {
        this.groups = groups;
        this.values = new double[groups.size()][];
    }

    /** Records the current parameters if this epoch's validation accuracy beats the best so far. */
    void offer(EpochMetrics metrics) {
        if (metrics.validationAccuracy() > accuracy) {
            accuracy = metrics.validationAccuracy();
            epoch = metrics.epoch() + 1;
            for (int g = 0; g < groups.size(); g++) {
                values[g] = groups.get(g).values().clone();
            }
        }
    }

    /** 1-based epoch of the best parameters, 0 if none recorded. */
    int epoch() {
        return epoch;
    }

    void applyTo(List<ParameterGroup> target) {
        for (int g = 0; g < target.size(); g++) {
            System.arraycopy(values[g], 0, target.get(g).values(), 0, values[g].length);
        }
    }

    Map<String, double[]> state() {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (epoch == 0) {
            return out;
        }
        out.put(PREFIX + "meta", new double[] {accuracy, epoch});
        for (int g = 0; g < groups.size(); g++) {
            out.put(PREFIX + groups.get(g).name(), values[g]);
        }
        return out;
    }

    void restore(Map<String, double[]> extra) {
        double[] meta = extra.get(PREFIX + "meta");
        if (meta == null) {
            return;
        }
        accuracy = meta[0];
        epoch = (int) meta[1];
        for (int g = 0; g < groups.size(); g++) {
            values[g] = extra.get(PREFIX + groups.get(g).name()).clone();
        }
    }
}
