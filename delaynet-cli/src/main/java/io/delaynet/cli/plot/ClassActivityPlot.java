package io.delaynet.cli.plot;

import io.delaynet.data.audio.SpikeBinning;
import io.delaynet.data.audio.SpikeSample;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Mean spike count per channel and time bin for each class, one heat-map panel per class on a common
 * colour scale, so what sets the classes apart can be seen side by side.
 */
public final class ClassActivityPlot {
    private ClassActivityPlot() {
    }

    /**
     * @param samples    the samples to average (any order); labels must be in [0, classes)
     * @param binSeconds time-bin width
     * @param bins       bins from t = 0
     */
    public static List<HeatMapChart> charts(List<SpikeSample> samples, int classes, double binSeconds, int bins,
                                            String channelAxis) {
        int channels = samples.getFirst().events().unitCount();
        double[][][] mean = new double[classes][bins][channels];
        int[] perClass = new int[classes];
        for (SpikeSample s : samples) {
            float[][] counts = SpikeBinning.counts(s.events(), binSeconds, bins, 1);
            perClass[s.label()]++;
            for (int b = 0; b < bins; b++) {
                for (int c = 0; c < channels; c++) {
                    mean[s.label()][b][c] += counts[b][c];
                }
            }
        }
        double max = 0;
        for (int k = 0; k < classes; k++) {
            for (int b = 0; b < bins; b++) {
                for (int c = 0; c < channels; c++) {
                    mean[k][b][c] /= Math.max(1, perClass[k]);
                    max = Math.max(max, mean[k][b][c]);
                }
            }
        }
        List<HeatMapChart> charts = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            charts.add(panel(k, perClass[k], mean[k], max, binSeconds, channelAxis));
        }
        return charts;
    }

    private static HeatMapChart panel(int label, int n, double[][] mean, double max, double binSeconds,
                                      String channelAxis) {
        int bins = mean.length;
        int channels = mean[0].length;
        HeatMapChart chart = new HeatMapChartBuilder().width(360).height(300)
                .title("class " + label + " (" + n + " samples)")
                .xAxisTitle("time (s)").yAxisTitle(channelAxis).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setShowValue(false).setDrawBorder(false);
        chart.getStyler().setMin(0).setMax(max > 0 ? max : 1);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setPlotGridLinesVisible(false);
        // White for silence, darkening with activity: zero must not look like a colour of its own.
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x9ecae1), new Color(0x3182bd),
            new Color(0x08306b)});
        // 64 channel labels would overprint each other; the axis title says which way frequency runs.
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setXAxisLabelRotation(90);
        List<String> times = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            times.add(String.format(Locale.ROOT, "%.2f", b * binSeconds));
        }
        List<Integer> rows = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            rows.add(c);
        }
        List<Number[]> cells = new ArrayList<>(bins * channels);
        for (int b = 0; b < bins; b++) {
            for (int c = 0; c < channels; c++) {
                cells.add(new Number[] {b, c, mean[b][c]});
            }
        }
        chart.addSeries("mean spikes per bin", times, rows, cells);
        return chart;
    }

    /** All class panels on one image, five per row. */
    public static Path write(List<SpikeSample> samples, int classes, double binSeconds, int bins, String channelAxis,
                             Path file) {
        int columns = Math.min(5, classes);
        int rows = (classes + columns - 1) / columns;
        return Png.write(charts(samples, classes, binSeconds, bins, channelAxis), rows, columns, file);
    }
}
