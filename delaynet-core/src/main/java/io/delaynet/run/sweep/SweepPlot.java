package io.delaynet.run.sweep;

import java.util.Objects;

/**
 * A plot a sweep file asks for: one table column against another, one series per label of an
 * axis, each point the mean ± sd over the seeds of the runs that agree on every axis.
 *
 * @param name   the image's base name in the sweep folder ({@code NAME.png})
 * @param x      the column on the horizontal axis (a numeric summary field such as {@code parameters}, or an axis)
 * @param y      the column on the vertical axis (e.g. {@code test_accuracy})
 * @param series the axis whose labels make the series; null: one series
 * @param title  the plot's title
 */
public record SweepPlot(String name, String x, String y, String series, String title) {
    public SweepPlot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(title, "title");
    }
}
