package io.delaynet.inspect;

import java.util.Objects;

/**
 * The class a network predicts at every point of a square grid over a two-dimensional input plane
 * (Yin-Yang's), with the test samples and their predictions, so a report can colour the plane by the
 * predicted class and mark the test errors.
 *
 * @param resolution    grid points per side; point (col, row) lies at x = min + (col + 0.5) * (max - min) / resolution,
 *                      y likewise with row, row 0 at the bottom
 * @param min           lower end of both axes
 * @param max           upper end of both axes
 * @param classes       how many classes the network tells apart
 * @param grid          predicted class per grid point, row-major ({@code grid[row * resolution + col]}), -1 = no answer
 * @param inside        whether a grid point lies where the data set has samples (Yin-Yang: inside the big circle)
 * @param testX         x of every test sample
 * @param testY         y of every test sample
 * @param testLabels    true class of every test sample
 * @param testPredicted predicted class of every test sample, -1 = no answer
 */
public record DecisionMap(int resolution, double min, double max, int classes, int[] grid, boolean[] inside,
                          double[] testX, double[] testY, int[] testLabels, int[] testPredicted) {
    public DecisionMap {
        if (resolution < 1 || grid.length != resolution * resolution || inside.length != grid.length) {
            throw new IllegalArgumentException("grid of " + grid.length + " points is not " + resolution + " x " + resolution);
        }
        if (testY.length != testX.length || testLabels.length != testX.length || testPredicted.length != testX.length) {
            throw new IllegalArgumentException("test coordinates, labels and predictions differ in length");
        }
        Objects.requireNonNull(grid);
    }

    /** Centre of grid column or row {@code i} on its axis. */
    public double coordinate(int i) {
        return min + (i + 0.5) * (max - min) / resolution;
    }

    /** How many test samples the network gets wrong (no answer counts as wrong). */
    public int errors() {
        int n = 0;
        for (int i = 0; i < testLabels.length; i++) {
            if (testPredicted[i] != testLabels[i]) {
                n++;
            }
        }
        return n;
    }
}
