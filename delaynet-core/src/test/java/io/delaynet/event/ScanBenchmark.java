package io.delaynet.event;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The causal-set scan of one neuron ({@link FirstSpike#scan}) over 64 neurons with {@code n}
 * sorted inputs of random weight, for either tau ratio: the time per neuron, which docs/performance.md
 * divides by the scanned inputs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ScanBenchmark {
    private static final int NEURONS = 64;

    @Param({"1.0", "2.0"})
    double ratio;

    @Param({"100"})
    int n;

    private LifModel model;
    private double[] arrival;
    private double[] half;
    private double[][] weights;
    private final int[] causal = new int[1];
    /** Inputs scanned per neuron on average (the causal set, or all when silent). */
    public double scanned;

    @Setup
    public void setUp() {
        model = new LifModel(ratio, 1.0);
        SplittableRandom r = new SplittableRandom(3);
        arrival = new double[n];
        for (int k = 0; k < n; k++) {
            arrival[k] = 0.15 + 1.85 * r.nextDouble();
        }
        Arrays.sort(arrival);
        half = new double[n];
        for (int k = 0; k < n; k++) {
            half[k] = Math.exp(0.5 * (arrival[k] - 0.15));
        }
        weights = new double[NEURONS][n];
        long total = 0;
        for (int j = 0; j < NEURONS; j++) {
            for (int k = 0; k < n; k++) {
                weights[j][k] = (0.1 + 0.4 * r.nextGaussian()) * (ratio == 1.0 ? 0.6 : 0.3);
            }
            double t = FirstSpike.scan(0, n, arrival, weights[j], half, 0.15, model, causal, 0);
            total += Double.isFinite(t) ? causal[0] : n;
        }
        scanned = (double) total / NEURONS;
        System.out.printf("%n[scan: %.1f inputs scanned per neuron]%n", scanned);
    }

    @Benchmark
    public double scanNeurons() {
        double s = 0;
        for (int j = 0; j < NEURONS; j++) {
            s += FirstSpike.scan(0, n, arrival, weights[j], half, 0.15, model, causal, 0);
        }
        return s;
    }
}
