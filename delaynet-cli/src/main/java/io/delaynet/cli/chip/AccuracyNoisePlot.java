package io.delaynet.cli.chip;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.delaynet.cli.report.Charts;
import io.delaynet.io.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Test accuracy against the chip's noise scale, one line per configuration, mean ± sd over seeds. */
final class AccuracyNoisePlot {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd)};

    private AccuracyNoisePlot() {
    }

    static void write(Map<String, TreeMap<Double, List<Double>>> accuracies, String subtitle, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(520)
                .title("Yin-Yang on the emulated chip" + (subtitle.isEmpty() ? "" : " (" + subtitle + ")"))
                .xAxisTitle("noise scale (x documented chip noise)").yAxisTitle("test accuracy [%]").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setDecimalPattern("0.#");
        int c = 0;
        for (Map.Entry<String, TreeMap<Double, List<Double>>> e : accuracies.entrySet()) {
            TreeMap<Double, List<Double>> byNoise = e.getValue();
            double[] x = new double[byNoise.size()];
            double[] y = new double[byNoise.size()];
            double[] err = new double[byNoise.size()];
            int i = 0;
            int runs = 0;
            for (Map.Entry<Double, List<Double>> point : byNoise.entrySet()) {
                double[] s = SweepTable.stats(point.getValue());
                x[i] = point.getKey();
                y[i] = 100 * s[0];
                err[i] = 100 * s[1];
                runs = Math.max(runs, point.getValue().size());
                i++;
            }
            var series = chart.addSeries(e.getKey() + " (mean ± sd of " + runs + " seeds)", x, y, err);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineColor(COLORS[c % COLORS.length]);
            series.setMarkerColor(COLORS[c % COLORS.length]);
            c++;
        }
        // atomically, and readable like the run's other files (a temporary file of its own would stay 0600)
        AtomicFiles.write(png, Charts.png(chart));
    }
}
