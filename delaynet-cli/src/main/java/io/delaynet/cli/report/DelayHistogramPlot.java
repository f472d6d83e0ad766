package io.delaynet.cli.report;

import io.delaynet.inspect.DelayDistribution;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A histogram of one projection's learned delays over the range its parameterisation allows. */
final class DelayHistogramPlot {
    static final int BINS = 40;

    private DelayHistogramPlot() {
    }

    static XYChart of(DelayDistribution d) {
        String title = d.crowdedAtBounds()
                ? String.format(Locale.ROOT, "WARNING %s: %.0f %% of delays piled up at the bounds", d.name(),
                        100 * (d.fractionAtLower() + d.fractionAtUpper()))
                : d.name() + ": " + d.delays().length + " learned delays";
        XYChart chart = Charts.xy(title, "delay (" + d.unit() + ")", "number of delay parameters");
        if (d.crowdedAtBounds()) {
            Charts.markAsWarning(chart);
        }
        double lo = d.lower();
        double hi = Double.isFinite(d.upper()) ? d.upper() : java.util.Arrays.stream(d.delays()).max().orElse(lo + 1);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double width = (hi - lo) / BINS;
        double[] edges = new double[BINS + 1];
        double[] counts = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) {
            edges[b] = lo + b * width;
        }
        for (double v : d.delays()) {
            int b = (int) Math.floor((v - lo) / width);
            counts[Math.max(0, Math.min(BINS - 1, b))]++;
        }
        counts[BINS] = counts[BINS - 1]; // a step series draws each value up to the next edge
        XYSeries s = chart.addSeries("delays", edges, counts);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMin(lo);
        chart.getStyler().setXAxisMax(hi);
        chart.getStyler().setYAxisMin(0.0);
        chart.addAnnotation(new AnnotationLine(lo, true, false));
        if (Double.isFinite(d.upper())) {
            chart.addAnnotation(new AnnotationLine(d.upper(), true, false));
        }
        return chart;
    }
}
