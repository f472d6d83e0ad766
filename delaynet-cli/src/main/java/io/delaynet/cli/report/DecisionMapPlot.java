package io.delaynet.cli.report;

import io.delaynet.inspect.DecisionMap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The decision map of a network on a two-dimensional data set: the plane coloured by the class the
 * network predicts there, the test samples on top as dots of their true class, and every test error
 * as a black cross. Drawn with Java2D rather than XChart, because a map is a grid of cells that must
 * fill the plot square exactly, which XChart's fixed-size markers cannot do. The image has the
 * report's chart size, so the page lays it out like the other plots.
 */
final class DecisionMapPlot {
    /** Where the square map sits in the image, in pixels. */
    static final int LEFT = 70;
    static final int TOP = 40;
    static final int SIDE = 400;
    private static final String[] YIN_YANG_CLASSES = {"yang", "yin", "dots"};
    private static final Color NO_ANSWER = new Color(160, 160, 160);
    private static final Color OUTSIDE = new Color(245, 245, 245);

    private DecisionMapPlot() {
    }

    /** Pixel column (x) or row (y, from the top) of a point of the plane. */
    static int pixelX(DecisionMap m, double x) {
        return LEFT + (int) Math.round((x - m.min()) / (m.max() - m.min()) * SIDE);
    }

    static int pixelY(DecisionMap m, double y) {
        return TOP + SIDE - (int) Math.round((y - m.min()) / (m.max() - m.min()) * SIDE);
    }

    /** The class colours, the report's series colours; the map uses them lightened. */
    static Color classColour(int c) {
        return c < 0 ? NO_ANSWER : Charts.SERIES[c % Charts.SERIES.length];
    }

    static Color cellColour(int c) {
        Color k = classColour(c);
        return new Color(mix(k.getRed()), mix(k.getGreen()), mix(k.getBlue()));
    }

    private static int mix(int channel) {
        return (int) Math.round(channel * 0.35 + 255 * 0.65);
    }

    static byte[] png(DecisionMap m) {
        BufferedImage image = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, m);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            javax.imageio.ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void draw(Graphics2D g, DecisionMap m) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, Charts.WIDTH, Charts.HEIGHT);
        int n = m.resolution();
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                int i = row * n + col;
                // cell edges from the same rounding as the points, so cells tile the square without gaps
                int x0 = LEFT + col * SIDE / n;
                int x1 = LEFT + (col + 1) * SIDE / n;
                int y1 = TOP + SIDE - row * SIDE / n;
                int y0 = TOP + SIDE - (row + 1) * SIDE / n;
                g.setColor(m.inside()[i] ? cellColour(m.grid()[i]) : OUTSIDE);
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < m.testX().length; i++) { // correct samples first, so no dot hides a cross
            if (m.testPredicted()[i] == m.testLabels()[i]) {
                g.setColor(classColour(m.testLabels()[i]));
                g.fill(new Ellipse2D.Double(pixelX(m, m.testX()[i]) - 2, pixelY(m, m.testY()[i]) - 2, 4, 4));
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < m.testX().length; i++) {
            if (m.testPredicted()[i] != m.testLabels()[i]) {
                cross(g, pixelX(m, m.testX()[i]), pixelY(m, m.testY()[i]), 4);
            }
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, SIDE, SIDE);
        axes(g, m);
        legend(g, m);
    }

    private static void cross(Graphics2D g, int x, int y, int r) {
        g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
        g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
    }

    private static void axes(Graphics2D g, DecisionMap m) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString("Decision map", LEFT, TOP - 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int k = 0; k <= 4; k++) {
            double v = m.min() + k * (m.max() - m.min()) / 4;
            String label = String.format(Locale.ROOT, "%.2f", v);
            int px = pixelX(m, v);
            int py = pixelY(m, v);
            g.drawLine(px, TOP + SIDE, px, TOP + SIDE + 4);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, TOP + SIDE + 18);
            g.drawLine(LEFT - 4, py, LEFT, py);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), py + 4);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString("x", LEFT + SIDE / 2, TOP + SIDE + 38);
        g.drawString("y", LEFT - 50, TOP + SIDE / 2);
    }

    private static void legend(Graphics2D g, DecisionMap m) {
        int x = LEFT + SIDE + 40;
        int y = TOP + 20;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString("predicted class (area), true class (dot):", x, y);
        for (int c = 0; c < m.classes(); c++) {
            y += 24;
            g.setColor(cellColour(c));
            g.fillRect(x, y - 12, 28, 16);
            g.setColor(classColour(c));
            g.fill(new Ellipse2D.Double(x + 11, y - 7, 6, 6));
            g.setColor(Color.BLACK);
            g.drawString(className(m, c), x + 38, y);
        }
        y += 34;
        g.setStroke(new BasicStroke(2f));
        cross(g, x + 14, y - 4, 4);
        g.setStroke(new BasicStroke(1f));
        g.drawString(String.format(Locale.ROOT, "test error: %d of %d samples", m.errors(), m.testX().length), x + 38, y);
        y += 24;
        g.setColor(NO_ANSWER);
        g.fillRect(x, y - 12, 28, 16);
        g.setColor(Color.BLACK);
        g.drawString("no output spike", x + 38, y);
    }

    private static String className(DecisionMap m, int c) {
        return m.classes() == YIN_YANG_CLASSES.length ? c + " (" + YIN_YANG_CLASSES[c] + ")" : String.valueOf(c);
    }
}
