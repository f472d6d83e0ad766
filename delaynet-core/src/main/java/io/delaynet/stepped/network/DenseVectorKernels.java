package io.delaynet.stepped.network;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of a dense projection's input gradient with whole-step delays,
 * {@code dL/d input[t][i] = sum_j w_ij g[t + shift_ij][j]}, bit-identical to
 * {@link Projection}'s plain loop: each value is the same sum over j in increasing order. The plain
 * loop runs over the steps innermost, a loop too short to vectorise (5 steps in the NA CNN); here
 * one vector holds the steps of one presynaptic neuron and four neurons run at once as independent
 * sums, so the running sums stay in registers across all j.
 *
 * <p>Only {@link Projection} calls this class, and only when the {@code jdk.incubator.vector}
 * module is present. Scratch arrays are per thread.
 */
final class DenseVectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {
            new double[0], new double[0]});

    private DenseVectorKernels() {
    }

    /**
     * Writes {@code gin[t * pre + i]} for t below {@code steps}.
     *
     * @param g      dL/d arrival, {@code rows} rows of {@code post} values (rows above the window zero)
     * @param shift  whole-step delays premultiplied by {@code post}, at {@code i * preStride + j * postStride}
     */
    static void inputGradient(int pre, int post, int steps, int rows, int[] shift, int preStride, int postStride,
                              double[] w, double[] g, double[] gin) {
        int span = (steps + LANES - 1) / LANES * LANES; // the steps, in whole vectors
        int stride = steps + span; // one postsynaptic neuron's series: delays up to steps, then span steps
        double[][] scratch = SCRATCH.get();
        if (scratch[0].length < post * stride) {
            scratch[0] = new double[post * stride];
        }
        if (scratch[1].length < 4 * span) {
            scratch[1] = new double[4 * span];
        }
        double[] series = scratch[0];
        double[] sums = scratch[1];
        Arrays.fill(series, 0, post * stride, 0.0);
        int copied = Math.min(rows, stride);
        for (int r = 0; r < copied; r++) {
            for (int j = 0; j < post; j++) {
                series[j * stride + r] = g[r * post + j];
            }
        }
        int i = 0;
        for (; i + 4 <= pre; i += 4) {
            for (int tb = 0; tb < span; tb += LANES) {
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                if (preStride == 0 && postStride == 0) { // no delays, or one for all: one series read serves four
                    int a = shift[0] / post + tb;
                    for (int j = 0; j < post; j++) {
                        DoubleVector series0 = DoubleVector.fromArray(SPECIES, series, j * stride + a);
                        s0 = s0.add(series0.mul(w[i * post + j]));
                        s1 = s1.add(series0.mul(w[(i + 1) * post + j]));
                        s2 = s2.add(series0.mul(w[(i + 2) * post + j]));
                        s3 = s3.add(series0.mul(w[(i + 3) * post + j]));
                    }
                } else if (postStride == 0) { // one delay per presynaptic neuron
                    int a0 = shift[i * preStride] / post + tb;
                    int a1 = shift[(i + 1) * preStride] / post + tb;
                    int a2 = shift[(i + 2) * preStride] / post + tb;
                    int a3 = shift[(i + 3) * preStride] / post + tb;
                    for (int j = 0; j < post; j++) {
                        int row = j * stride;
                        s0 = s0.add(DoubleVector.fromArray(SPECIES, series, row + a0).mul(w[i * post + j]));
                        s1 = s1.add(DoubleVector.fromArray(SPECIES, series, row + a1).mul(w[(i + 1) * post + j]));
                        s2 = s2.add(DoubleVector.fromArray(SPECIES, series, row + a2).mul(w[(i + 2) * post + j]));
                        s3 = s3.add(DoubleVector.fromArray(SPECIES, series, row + a3).mul(w[(i + 3) * post + j]));
                    }
                } else {
                    for (int j = 0; j < post; j++) {
                        int row = j * stride + tb;
                        s0 = s0.add(DoubleVector.fromArray(SPECIES, series, row + shift[i * preStride + j] / post)
                                .mul(w[i * post + j]));
                        s1 = s1.add(DoubleVector.fromArray(SPECIES, series, row + shift[(i + 1) * preStride + j] / post)
                                .mul(w[(i + 1) * post + j]));
                        s2 = s2.add(DoubleVector.fromArray(SPECIES, series, row + shift[(i + 2) * preStride + j] / post)
                                .mul(w[(i + 2) * post + j]));
                        s3 = s3.add(DoubleVector.fromArray(SPECIES, series, row + shift[(i + 3) * preStride + j] / post)
                                .mul(w[(i + 3) * post + j]));
                    }
                }
                s0.intoArray(sums, 0);
                s1.intoArray(sums, span);
                s2.intoArray(sums, 2 * span);
                s3.intoArray(sums, 3 * span);
                for (int t = tb; t < Math.min(steps, tb + LANES); t++) {
                    gin[t * pre + i] = sums[t - tb];
                    gin[t * pre + i + 1] = sums[span + t - tb];
                    gin[t * pre + i + 2] = sums[2 * span + t - tb];
                    gin[t * pre + i + 3] = sums[3 * span + t - tb];
                }
            }
        }
        for (; i < pre; i++) {
            for (int tb = 0; tb < span; tb += LANES) {
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                for (int j = 0; j < post; j++) {
                    int at = j * stride + tb + shift[i * preStride + j * postStride] / post;
                    s0 = s0.add(DoubleVector.fromArray(SPECIES, series, at).mul(w[i * post + j]));
                }
                s0.intoArray(sums, 0);
                for (int t = tb; t < Math.min(steps, tb + LANES); t++) {
                    gin[t * pre + i] = sums[t - tb];
                }
            }
        }
    }
}
