package io.delaynet.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.inspect.DecisionMap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DecisionMapPlotTest {

    /** A 10 x 10 map: class 0 on the left half, class 1 on the right, everything inside. */
    private static DecisionMap map(double[] xs, double[] ys, int[] labels, int[] predicted) {
        int n = 10;
        int[] grid = new int[n * n];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = i % n < n / 2 ? 0 : 1;
        }
        boolean[] inside = new boolean[grid.length];
        Arrays.fill(inside, true);
        return new DecisionMap(n, 0.0, 1.0, 3, grid, inside, xs, ys, labels, predicted);
    }

    private static BufferedImage draw(DecisionMap m) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(DecisionMapPlot.png(m)));
    }

    /** The darkest pixel (mean of r, g, b) within {@code r} pixels of (x, y). */
    private static int darkest(BufferedImage image, int x, int y, int r) {
        int min = 255;
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int rgb = image.getRGB(x + dx, y + dy);
                min = Math.min(min, (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255)) / 3);
            }
        }
        return min;
    }

    @Test
    void aWrongPredictionIsCrossedAndARightOneIsNot() throws Exception {
        // sample 0 right (class 0 in the class-0 half), sample 1 wrong (true class 1, predicted 0)
        DecisionMap m = map(new double[] {0.2, 0.8}, new double[] {0.3, 0.7}, new int[] {0, 1}, new int[] {0, 0});
        BufferedImage image = draw(m);
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        int wrongX = DecisionMapPlot.pixelX(m, 0.8);
        int wrongY = DecisionMapPlot.pixelY(m, 0.7);
        assertTrue(darkest(image, wrongX, wrongY, 1) < 60, "a black cross over the error");
        int rightX = DecisionMapPlot.pixelX(m, 0.2);
        int rightY = DecisionMapPlot.pixelY(m, 0.3);
        assertTrue(darkest(image, rightX, rightY, 3) > 80, "no cross over a correct sample");
        assertEquals(DecisionMapPlot.classColour(0).getRGB(), image.getRGB(rightX, rightY), "its dot has its class colour");
        assertEquals(1, m.errors());
    }

    @Test
    void eachCellHasTheColourOfItsPredictedClass() throws Exception {
        DecisionMap m = map(new double[0], new double[0], new int[0], new int[0]);
        BufferedImage image = draw(m);
        for (int row = 0; row < m.resolution(); row++) {
            for (int col = 0; col < m.resolution(); col++) {
                int x = DecisionMapPlot.pixelX(m, m.coordinate(col));
                int y = DecisionMapPlot.pixelY(m, m.coordinate(row));
                int expected = DecisionMapPlot.cellColour(m.grid()[row * m.resolution() + col]).getRGB();
                assertEquals(expected, image.getRGB(x, y), "cell " + col + ", " + row);
            }
        }
        assertFalse(DecisionMapPlot.cellColour(0).equals(DecisionMapPlot.cellColour(1)));
    }
}
