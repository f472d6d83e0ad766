package io.delaynet.cli.sweep;

import java.util.List;
import java.util.Locale;

/**
 * summary.csv: one row per setting of the axes, with the number of seeds, the trainable
 * parameters and the mean and sd over seeds of the accuracies. Shortest round-trip numbers, like
 * results.csv.
 */
final class SweepSummary {
    /** The averaged columns, each written as mean and sd. */
    static final List<String> AVERAGED = List.of("test_accuracy", "validation_accuracy", "train_accuracy");

    private SweepSummary() {
    }

    static String csv(List<String> axes, List<SweepGroups.Group> groups) {
        StringBuilder out = new StringBuilder(String.join(",", axes)).append(axes.isEmpty() ? "" : ",")
                .append("runs,parameters");
        for (String c : AVERAGED) {
            out.append(",mean_").append(c).append(",sd_").append(c);
        }
        out.append('\n');
        for (SweepGroups.Group g : groups) {
            for (String a : axes) {
                out.append(cell(g.labels().get(a))).append(',');
            }
            out.append(g.rows().size()).append(',').append(number(g.meanSd("parameters")[0]));
            for (String c : AVERAGED) {
                double[] s = g.meanSd(c);
                out.append(',').append(number(s[0])).append(',').append(number(s[1]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Whole numbers without a fraction, others in shortest round-trip form. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** A percentage with two decimals, for people. */
    static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
