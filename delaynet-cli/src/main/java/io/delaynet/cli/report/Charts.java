package io.delaynet.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The report's one chart style, and PNG encoding. */
public final class Charts {
    static final int WIDTH = 800;
    static final int HEIGHT = 460;
    /** Colours that stay distinct for colour-blind readers (Okabe-Ito). */
    static final Color[] SERIES = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0)};
    static final Color WARNING = new Color(255, 221, 153);

    private Charts() {
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).theme(Styler.ChartTheme.Matlab).build();
        XYStyler s = chart.getStyler();
        s.setSeriesColors(SERIES);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setMarkerSize(5);
        s.setXAxisTickMarkSpacingHint(90); // fewer, rounder ticks than XChart's default packing
        s.setAntiAlias(true);
        return chart;
    }

    /** Puts the title in an orange box, so a problem is seen before the plot is read. */
    static void markAsWarning(XYChart chart) {
        chart.getStyler().setChartTitleBoxVisible(true);
        chart.getStyler().setChartTitleBoxBackgroundColor(WARNING);
        chart.getStyler().setChartTitleBoxBorderColor(new Color(204, 102, 0));
    }

    public static byte[] png(IChart chart) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64 * 1024);
        try {
            javax.imageio.ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
