package io.delaynet.cli.report;

import io.delaynet.inspect.LayerSpikes;
import io.delaynet.inspect.SampleSpikes;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Every spike of one sample, one row per neuron, layers stacked from the input (bottom) to the output (top). */
final class SpikeRasterPlot {
    private SpikeRasterPlot() {
    }

    /** Room XChart gives each legend entry besides its text: the marker, its gap and the padding (pixels). */
    private static final int LEGEND_ENTRY_EXTRA = 40;

    /**
     * One row of entries below the plot while they fit the image's width; else (many or large layers, as
     * MNIST's, whose names carry long row ranges) one entry per line to the right, so none is cut off.
     */
    private static void fitLegend(XYChart chart, List<String> names) {
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics();
        try {
            java.awt.FontMetrics metrics = g.getFontMetrics(chart.getStyler().getLegendFont());
            int width = 0;
            for (String name : names) {
                width += metrics.stringWidth(name) + LEGEND_ENTRY_EXTRA;
            }
            if (width > Charts.WIDTH - 2 * LEGEND_ENTRY_EXTRA) {
                chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
                chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
            }
        } finally {
            g.dispose();
        }
    }

    static XYChart of(SampleSpikes s) {
        String verdict = s.predicted() < 0 ? "no answer" : s.predicted() == s.label() ? "correct" : "wrong";
        XYChart chart = Charts.xy(s.split().label() + " sample " + s.sample() + ": label " + s.label() + ", predicted "
                + s.predicted() + " (" + verdict + ")", "time (" + s.timeUnit() + ")", "neuron (row)");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(7);
        int row = 0;
        List<String> names = new ArrayList<>();
        for (LayerSpikes layer : s.layers()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int j = 0; j < layer.size(); j++) {
                for (double t : layer.spikeTimes()[j]) {
                    x.add(t);
                    y.add((double) (row + j));
                }
            }
            String name = layer.name() + ": rows " + row + "-" + (row + layer.size() - 1)
                    + (layer.silentNeurons() > 0 ? ", " + layer.silentNeurons() + " silent" : "");
            if (x.isEmpty()) {
                x.add(Double.NaN); // keeps the layer in the legend although it never spiked
                y.add(Double.NaN);
            }
            names.add(name);
            XYSeries series = chart.addSeries(name, x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            row += layer.size();
        }
        fitLegend(chart, names);
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(row - 0.5);
        return chart;
    }
}
