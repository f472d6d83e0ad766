package io.delaynet.run.sweep;

import io.delaynet.config.ConfigException;
import io.delaynet.run.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of points, each trained into its own folder, and the one table of their summaries.
 * Running a sweep again continues it: finished points are kept (or extended), interrupted ones
 * resume, the rest start (see {@link RunTask}). Every point is checked before the first one
 * trains, so a mistake in the last point costs nothing.
 *
 * @param axes   the names of the labels every point carries, in table column order
 * @param points the points, in table row order
 * @throws ConfigException          when an axis has the name of a table column, or two points share a folder
 * @throws IllegalArgumentException when a point is not labelled on exactly the sweep's axes, in order
 */
public record Sweep(List<String> axes, List<SweepPoint> points) {

    public Sweep {
        axes = List.copyOf(axes);
        points = List.copyOf(points);
        for (String axis : axes) {
            if (SweepTable.FIXED_COLUMNS.contains(axis)) {
                throw new ConfigException("sweep axis '" + axis + "' is also a column of the table; "
                        + "give the axis another name");
            }
        }
        Map<Path, Integer> folders = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            if (!List.copyOf(p.labels().keySet()).equals(axes)) {
                throw new IllegalArgumentException("point " + i + " is labelled " + p.labels().keySet()
                        + ", the sweep's axes are " + axes);
            }
            Integer other = folders.put(p.folder().toAbsolutePath().normalize(), i);
            if (other != null) {
                throw new ConfigException("points " + other + " and " + i + " would both train in "
                        + p.folder() + "; give every point its own folder");
            }
        }
    }

    /** The points' work, as the runner gets it. */
    public List<RunTask> tasks() {
        return points.stream().map(SweepPoint::task).toList();
    }

    /**
     * Checks every point's configuration and folder, then runs them all and returns the table.
     *
     * @throws io.delaynet.config.ConfigException for a point that cannot run (before any point trains)
     */
    public SweepTable run(SweepRunner runner, SweepListener listener) {
        List<RunTask> tasks = tasks();
        for (RunTask task : tasks) {
            task.plan();
        }
        List<RunSummary> summaries = runner.run(tasks, listener);
        List<SweepTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            rows.add(new SweepTable.Row(points.get(i), summaries.get(i)));
        }
        return new SweepTable(axes, rows);
    }
}
