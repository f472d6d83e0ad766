package io.delaynet.cli.plot;

import io.delaynet.data.audio.SpikeEvents;
import io.delaynet.data.audio.SpikeSample;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A spike raster of one sample: a dot per spike at (time, channel). */
public final class RasterPlot {
    private RasterPlot() {
    }

    public static XYChart chart(SpikeSample sample, String channelAxis) {
        SpikeEvents e = sample.events();
        double[] t = new double[e.size()];
        double[] u = new double[e.size()];
        for (int i = 0; i < e.size(); i++) {
            t[i] = e.time(i);
            u[i] = e.unit(i);
        }
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title(sample.id() + ": class " + sample.label() + ", speaker " + sample.speaker() + ", " + e.size() + " spikes")
                .xAxisTitle("time (s)").yAxisTitle(channelAxis).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) Math.max(e.duration(), 1e-3f));
        chart.getStyler().setYAxisMin(-0.5).setYAxisMax(e.unitCount() - 0.5);
        // XChart refuses an empty series; a silent sample still gets its (empty) axes.
        XYSeries series = e.size() > 0 ? chart.addSeries("spikes", t, u) : chart.addSeries("spikes", new double[] {0}, new double[] {-1});
        series.setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    public static Path write(SpikeSample sample, String channelAxis, Path file) {
        return Png.write(chart(sample, channelAxis), file);
    }
}
