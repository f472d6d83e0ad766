package io.delaynet.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.util.RandomStreams;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {
    private static final int CLASSES = 3;
    private static final int DIM = 5;

    @Test
    void learnsLinearlySeparableBlobs() {
        Blobs train = blobs(1, 300);
        Blobs test = blobs(2, 300);
        SoftmaxRegression model = SoftmaxRegression.train(train.x, train.y, CLASSES, SoftmaxRegression.Options.DEFAULT);
        assertTrue(accuracy(model, test) > 0.95, "accuracy " + accuracy(model, test));
    }

    @Test
    void sameSeedGivesTheSameModelAndAnotherSeedAnotherOrder() {
        Blobs train = blobs(3, 200);
        SoftmaxRegression.Options options = new SoftmaxRegression.Options(5, 16, 1e-2, 1e-3, 7);
        SoftmaxRegression a = SoftmaxRegression.train(train.x, train.y, CLASSES, options);
        SoftmaxRegression b = SoftmaxRegression.train(train.x, train.y, CLASSES, options);
        for (int k = 0; k < CLASSES; k++) {
            assertArrayEquals(a.weights()[k], b.weights()[k], 0.0);
        }
        SoftmaxRegression c = SoftmaxRegression.train(train.x, train.y, CLASSES,
                new SoftmaxRegression.Options(5, 16, 1e-2, 1e-3, 8));
        assertFalse(Arrays.equals(a.weights()[0], c.weights()[0]));
    }

    @Test
    void probabilitiesAreADistributionAndPredictTakesTheLargest() {
        Blobs train = blobs(4, 100);
        SoftmaxRegression model = SoftmaxRegression.train(train.x, train.y, CLASSES, SoftmaxRegression.Options.DEFAULT);
        double[] p = new double[CLASSES];
        double[] far = new double[DIM];
        Arrays.fill(far, 1e4); // huge logits: the max shift must keep exp finite
        model.probabilities(far, p);
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
        assertTrue(Arrays.stream(p).allMatch(Double::isFinite));
        int best = 0;
        for (int k = 1; k < CLASSES; k++) {
            best = p[k] > p[best] ? k : best;
        }
        assertEquals(best, model.predict(far));
    }

    @Test
    void standardizerCentresAndScalesAndLeavesConstantsAlone() {
        double[][] x = {{1, 5, 2}, {3, 5, 4}, {5, 5, 9}};
        Standardizer s = Standardizer.fit(x);
        double[][] z = s.apply(x);
        for (int j : new int[] {0, 2}) {
            double mean = 0;
            double sq = 0;
            for (double[] row : z) {
                mean += row[j] / 3;
                sq += row[j] * row[j] / 3;
            }
            assertEquals(0, mean, 1e-12);
            assertEquals(1, sq, 1e-12);
        }
        assertEquals(1.0, s.scale()[1]);
        assertEquals(0.0, z[0][1]);
    }

    private record Blobs(double[][] x, int[] y) {
    }

    /** Three Gaussian clusters (σ = 1) whose centres are 4 apart along different axes. */
    private static Blobs blobs(long seed, int n) {
        SplittableRandom random = new RandomStreams(seed).stream("blobs");
        double[][] x = new double[n][DIM];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % CLASSES;
            for (int j = 0; j < DIM; j++) {
                x[i][j] = RandomStreams.gaussian(random) + (j == y[i] ? 4 : 0);
            }
        }
        return new Blobs(x, y);
    }

    private static double accuracy(SoftmaxRegression model, Blobs data) {
        int ok = 0;
        for (int i = 0; i < data.y.length; i++) {
            ok += model.predict(data.x[i]) == data.y[i] ? 1 : 0;
        }
        return ok / (double) data.y.length;
    }
}
