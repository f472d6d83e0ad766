package io.delaynet.cli.chip;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.delaynet.cli.report.Charts;
import io.delaynet.io.AtomicFiles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Test accuracy per configuration at one noise scale, mean ± sd over seeds, as grouped bars: one
 * group per chip setup, one bar each for weights only and with delays, read off the configuration
 * names ({@code yinyang-chip-<setup>-weights-only}, {@code yinyang-chip-<setup>-axonal}).
 */
final class AccuracyByConfigPlot {
    private static final String[] SUFFIXES = {"weights-only", "axonal", "dendritic", "synaptic"};
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd)};

    private AccuracyByConfigPlot() {
    }

    /** The setup a configuration belongs to: its name without the common prefix and the delay suffix. */
    static String setup(String config) {
        String s = config.replaceFirst("^yinyang-chip-?", "");
        for (String suffix : SUFFIXES) {
            if (s.equals(suffix)) {
                return "default chip";
            }
            if (s.endsWith("-" + suffix)) {
                return s.substring(0, s.length() - suffix.length() - 1);
            }
        }
        return s.isEmpty() ? "default chip" : s;
    }

    /** The bar a configuration is within its group: weights only, or the kind of delays it adds. */
    static String variant(String config) {
        for (String suffix : SUFFIXES) {
            if (config.endsWith(suffix)) {
                return suffix.equals("weights-only") ? "weights only" : "+ " + suffix + " delays";
            }
        }
        return config;
    }

    static void write(Map<String, List<Double>> accuracyByConfig, String subtitle, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Set<String> setups = new LinkedHashSet<>();
        Map<String, Map<String, List<Double>>> byVariant = new LinkedHashMap<>();
        accuracyByConfig.forEach((config, acc) -> {
            setups.add(setup(config));
            byVariant.computeIfAbsent(variant(config), v -> new LinkedHashMap<>()).put(setup(config), acc);
        });
        CategoryChart chart = new CategoryChartBuilder().width(900).height(540)
                .title("Yin-Yang on the emulated chip" + (subtitle.isEmpty() ? "" : " (" + subtitle + ")"))
                .xAxisTitle("chip setup").yAxisTitle("test accuracy [%], mean ± sd over seeds").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setDecimalPattern("0.#");
        chart.getStyler().setYAxisMin(50.0);
        chart.getStyler().setYAxisMax(100.0);
        int c = 0;
        for (Map.Entry<String, Map<String, List<Double>>> v : byVariant.entrySet()) {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (String setup : setups) {
                List<Double> acc = v.getValue().get(setup);
                x.add(setup);
                double[] s = acc == null ? null : SweepTable.stats(acc);
                y.add(s == null ? null : 100 * s[0]); // no bar where the setup lacks this variant
                err.add(s == null ? null : 100 * s[1]);
            }
            chart.addSeries(v.getKey(), x, y, err).setFillColor(COLORS[c++ % COLORS.length]);
        }
        // atomically, and readable like the run's other files (a temporary file of its own would stay 0600)
        AtomicFiles.write(png, Charts.png(chart));
    }
}
