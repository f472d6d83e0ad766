package io.delaynet.baseline;

/**
 * How well the linear readout did.
 *
 * @param trainAccuracy fraction of training samples classified correctly
 * @param testAccuracy  fraction of held-out samples classified correctly
 * @param confusion     confusion[true class][predicted class] counts on the test set
 * @param features      length of the feature vector
 */
public record BaselineResult(double trainAccuracy, double testAccuracy, int[][] confusion, int features) {
    public BaselineResult {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** Test samples in total. */
    public int testSize() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }
}
