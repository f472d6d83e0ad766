package io.delaynet.cli.report;

import io.delaynet.train.EpochMetrics;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Loss and accuracy per epoch, with the epoch whose parameters the run kept marked. */
final class LearningCurvePlots {
    /** Epoch counts up to which each epoch gets a marker; beyond it the lines are drawn alone. */
    static final int MARKERS_UP_TO = 40;

    private LearningCurvePlots() {
    }

    /**
     * @param selectedEpoch 1-based epoch the run kept (0: not known yet)
     */
    static XYChart loss(List<EpochMetrics> history, int selectedEpoch) {
        XYChart chart = Charts.xy("Loss per epoch", "epoch", "loss (mean over samples)");
        double[] epochs = epochs(history);
        double[] train = history.stream().mapToDouble(EpochMetrics::trainLoss).toArray();
        double[] validation = history.stream().mapToDouble(EpochMetrics::validationLoss).toArray();
        line(chart, "train (during the epoch)", epochs, train);
        if (finite(validation)) {
            line(chart, "validation (after the epoch)", epochs, validation);
        }
        // losses span decades as training converges; a log axis keeps the late epochs readable
        boolean positive = java.util.Arrays.stream(train).allMatch(v -> v > 0)
                && java.util.Arrays.stream(validation).allMatch(v -> v > 0 || Double.isNaN(v));
        chart.getStyler().setYAxisLogarithmic(positive);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        double[] all = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(train),
                java.util.Arrays.stream(validation)).filter(Double::isFinite).toArray();
        if (all.length > 0) {
            double lo = java.util.Arrays.stream(all).min().getAsDouble();
            double hi = java.util.Arrays.stream(all).max().getAsDouble();
            if (positive) { // room of a fifth on the log scale
                chart.getStyler().setYAxisMin(lo / 1.2);
                chart.getStyler().setYAxisMax(hi * 1.2);
            } else {
                double room = hi > lo ? 0.05 * (hi - lo) : Math.max(0.05 * Math.abs(hi), 1e-3);
                chart.getStyler().setYAxisMin(lo - room);
                chart.getStyler().setYAxisMax(hi + room);
            }
        }
        epochAxis(chart, history.size());
        markSelected(chart, selectedEpoch, history.size());
        return chart;
    }

    /**
     * @param testAccuracy accuracy of the kept parameters on the test split, NaN if not known
     */
    static XYChart accuracy(List<EpochMetrics> history, int selectedEpoch, double testAccuracy) {
        XYChart chart = Charts.xy("Accuracy per epoch", "epoch", "accuracy (%)");
        double[] epochs = epochs(history);
        line(chart, "train (during the epoch)", epochs,
                history.stream().mapToDouble(m -> 100 * m.trainAccuracy()).toArray());
        double[] validation = history.stream().mapToDouble(m -> 100 * m.validationAccuracy()).toArray();
        if (finite(validation)) {
            line(chart, "validation (after the epoch)", epochs, validation);
        }
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisMax(100.0);
        double lowest = java.util.stream.DoubleStream.concat(history.stream().mapToDouble(m -> 100 * m.trainAccuracy()),
                java.util.Arrays.stream(validation)).filter(Double::isFinite).min().orElse(0);
        if (Double.isFinite(testAccuracy)) {
            lowest = Math.min(lowest, 100 * testAccuracy);
        }
        // XChart fits the axis to the data, which puts the lowest point on the frame, where it is cut
        chart.getStyler().setYAxisMin(Math.max(0.0, lowest - Math.max(1.0, 0.05 * (100 - lowest))));
        if (Double.isFinite(testAccuracy) && epochs.length > 0) {
            XYSeries test = chart.addSeries(String.format(Locale.ROOT, "test, kept parameters (%.2f %%)", 100 * testAccuracy),
                    // one epoch: a line of zero length would not show, so give it an epoch's width
                    epochs.length == 1 ? new double[] {epochs[0] - 0.5, epochs[0] + 0.5}
                            : new double[] {epochs[0], epochs[epochs.length - 1]}, new double[] {100 * testAccuracy, 100 * testAccuracy});
            test.setMarker(SeriesMarkers.NONE);
            test.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, new float[] {6f, 4f}, 0f));
        }
        epochAxis(chart, history.size());
        markSelected(chart, selectedEpoch, history.size());
        return chart;
    }

    /**
     * Starts the epoch axis at 0 so that its ticks fall on round numbers (0, 50, 100, ...), not 1, 13, 25.
     * While the epochs are drawn as markers (up to {@link #MARKERS_UP_TO}) the axis runs one epoch past the
     * last, so the last markers are not cut in half by the frame (with one epoch they vanished).
     */
    private static void epochAxis(XYChart chart, int epochs) {
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) Math.max(epochs, 1) + (epochs <= MARKERS_UP_TO ? 1 : 0));
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setXAxisMaxLabelCount(12);
    }

    private static void markSelected(XYChart chart, int selectedEpoch, int epochs) {
        if (selectedEpoch > 0 && selectedEpoch < epochs) {
            chart.addAnnotation(new AnnotationLine(selectedEpoch, true, false));
        }
    }

    private static void line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(x.length > MARKERS_UP_TO ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    }

    private static double[] epochs(List<EpochMetrics> history) {
        return history.stream().mapToDouble(m -> m.epoch() + 1).toArray();
    }

    private static boolean finite(double[] values) {
        return java.util.Arrays.stream(values).allMatch(Double::isFinite);
    }
}
