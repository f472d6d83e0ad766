package io.delaynet.nir;

import java.util.Arrays;

/**
 * A parameter array of a NIR node: values in row-major order and the shape (empty for a scalar).
 * Stored as doubles whatever the file's type (NIR files hold float32, float64 or int64), which
 * keeps every value of those types exactly.
 */
public record NirTensor(double[] values, int[] shape) {
    public NirTensor {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
        }
    }

    public static NirTensor vector(double... values) {
        return new NirTensor(values, new int[] {values.length});
    }

    /** A matrix of {@code rows} x {@code cols} from row-major values. */
    public static NirTensor matrix(int rows, int cols, double[] values) {
        return new NirTensor(values, new int[] {rows, cols});
    }

    public static NirTensor filled(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return vector(v);
    }

    public int size() {
        return values.length;
    }

    public int rank() {
        return shape.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NirTensor t && Arrays.equals(values, t.values) && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "tensor" + Arrays.toString(shape);
    }
}
