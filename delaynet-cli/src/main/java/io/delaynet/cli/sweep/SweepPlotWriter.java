package io.delaynet.cli.sweep;

import io.delaynet.run.sweep.SweepPlot;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A plot a sweep file declares, as PNG: one series per label of the series axis, one point per
 * setting of the axes (mean over its seeds of x and of y, with the sd of y as error bar), points
 * joined in order of x. Accuracies are shown in percent.
 */
final class SweepPlotWriter {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

    private SweepPlotWriter() {
    }

    static void write(SweepPlot plot, List<SweepGroups.Group> groups, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        double xScale = plot.x().endsWith("accuracy") ? 100 : 1;
        double yScale = plot.y().endsWith("accuracy") ? 100 : 1;
        XYChart chart = new XYChartBuilder().width(860).height(540).title(plot.title())
                .xAxisTitle(plot.x().replace('_', ' ') + (xScale == 100 ? " [%]" : ""))
                .yAxisTitle(plot.y().replace('_', ' ') + (yScale == 100 ? " [%]" : "")).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (SweepGroups.Group g : groups) {
            String name = plot.series() == null ? plot.y() : plot.series() + " " + g.labels().get(plot.series());
            double[] y = g.meanSd(plot.y());
            series.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(new double[] {xScale * g.meanSd(plot.x())[0], yScale * y[0], yScale * y[1]});
        }
        int c = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> points = new ArrayList<>(e.getValue());
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            double[] err = points.stream().mapToDouble(p -> p[2]).toArray();
            var s = chart.addSeries(e.getKey(), x, y, err);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(COLORS[c % COLORS.length]);
            s.setMarkerColor(COLORS[c % COLORS.length]);
            c++;
        }
        Path dir = png.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".plot-", ".png");
        try {
            BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
