package io.delaynet.cli.sweep;

import io.delaynet.run.sweep.SweepTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a sweep's table gathered by their axis labels: each group is one setting, its rows
 * its seeds. Groups come in the order of their first row.
 */
final class SweepGroups {
    private SweepGroups() {
    }

    /** One setting of the axes and the runs (seeds) that trained it. */
    record Group(Map<String, String> labels, List<SweepTable.Row> rows) {
        /** Mean and sample standard deviation (0 for one run) of a numeric column over the group's runs. */
        double[] meanSd(String column) {
            double sum = 0;
            for (SweepTable.Row r : rows) {
                sum += value(r, column);
            }
            double mean = sum / rows.size();
            double squares = 0;
            for (SweepTable.Row r : rows) {
                double d = value(r, column) - mean;
                squares += d * d;
            }
            return new double[] {mean, rows.size() > 1 ? Math.sqrt(squares / (rows.size() - 1)) : 0};
        }
    }

    static List<Group> of(SweepTable table) {
        Map<Map<String, String>, List<SweepTable.Row>> byLabels = new LinkedHashMap<>();
        for (SweepTable.Row r : table.rows()) {
            byLabels.computeIfAbsent(r.point().labels(), k -> new ArrayList<>()).add(r);
        }
        List<Group> out = new ArrayList<>();
        byLabels.forEach((labels, rows) -> out.add(new Group(labels, rows)));
        return out;
    }

    /**
     * A numeric column of a row: an axis (its label read as a number), the seed, or a summary field.
     *
     * @throws io.delaynet.config.ConfigException when an axis plotted as a number has a label that is none
     */
    static double value(SweepTable.Row row, String column) {
        String label = row.point().labels().get(column);
        if (label != null) {
            try {
                return Double.parseDouble(label);
            } catch (NumberFormatException e) {
                throw new io.delaynet.config.ConfigException("axis '" + column + "' is plotted as a number, but its "
                        + "label '" + label + "' is none; plot a numeric column, or use the axis as the series");
            }
        }
        if (column.equals("seed")) {
            return row.point().seed();
        }
        return ((Number) row.summary().toMap().get(column)).doubleValue();
    }
}
