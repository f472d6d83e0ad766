package io.delaynet.run.sweep;

import io.delaynet.io.AtomicFiles;
import io.delaynet.run.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The result of a sweep: one row per point, in point order, with the point's axis labels, its
 * seed, every field of its summary and its run folder's name. As CSV (RFC 4180) every number is
 * written exactly (shortest round-trip form), so the table can be compared and re-read losslessly.
 *
 * @param axes the axis columns, first in every row
 */
public record SweepTable(List<String> axes, List<Row> rows) {
    /** The column of the run folder's name. */
    public static final String RUN_FOLDER = "run_folder";
    /** The columns after the axes: the seed, the other summary fields, the run folder. */
    static final List<String> FIXED_COLUMNS = Stream.concat(Stream.concat(Stream.of("seed"),
            RunSummary.KEYS.stream().filter(k -> !k.equals("seed"))), Stream.of(RUN_FOLDER)).toList();

    /** One point and the summary of its run. */
    public record Row(SweepPoint point, RunSummary summary) {
    }

    public SweepTable {
        axes = List.copyOf(axes);
        rows = List.copyOf(rows);
    }

    /** Every column name, in order. */
    public List<String> columns() {
        List<String> out = new ArrayList<>(axes);
        out.addAll(FIXED_COLUMNS);
        return out;
    }

    /** The table as CSV text with a header line. */
    public String csv() {
        return csv(Set.of());
    }

    /**
     * The table as CSV text without some columns: e.g. {@link RunSummary#MEASURED_KEYS}, to
     * compare two sweeps that must agree on every number but the wall-clock times.
     */
    public String csv(Collection<String> leftOut) {
        List<String> columns = columns().stream().filter(c -> !leftOut.contains(c)).toList();
        StringBuilder out = new StringBuilder();
        line(out, columns);
        for (Row row : rows) {
            Map<String, Object> summary = row.summary().toMap();
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(switch (c) {
                    case "seed" -> String.valueOf(row.point().seed());
                    case RUN_FOLDER -> String.valueOf(row.point().folder().getFileName());
                    default -> row.point().labels().containsKey(c) ? row.point().labels().get(c)
                            : String.valueOf(summary.get(c));
                });
            }
            line(out, cells);
        }
        return out.toString();
    }

    /** Writes {@link #csv()} to {@code file} atomically: a crash leaves the old table or the new one. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, csv());
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i)));
        }
        out.append('\n');
    }

    /** RFC 4180: a cell holding a comma, quote or line break is quoted, its quotes doubled. */
    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
