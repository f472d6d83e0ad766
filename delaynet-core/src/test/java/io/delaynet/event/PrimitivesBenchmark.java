package io.delaynet.event;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The costs that the event engine's cost model (docs/performance.md) is made of, on this machine:
 * one exponential, logarithm, square root, division, Lambert W, one step of a dependent running
 * sum, and sorting n packed keys, each per operation. Throughput figures: many independent
 * operations in a loop, the way the engine issues them. Run with
 * {@code delaynet-core/jmh.sh PrimitivesBenchmark} (see docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PrimitivesBenchmark {
    private static final int N = 1024;

    private final double[] x = new double[N];
    private final double[] positive = new double[N];
    private final double[] lambertArgument = new double[N];
    private final double[] out = new double[N];

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < N; i++) {
            x[i] = r.nextDouble(-3, 3);
            positive[i] = r.nextDouble(0.05, 20);
            // the range the Lambert-W closed form sees: -1/e < z < 0, mostly close to the branch point
            lambertArgument[i] = -Math.exp(-1 - r.nextDouble(0, 3));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] exp() {
        for (int i = 0; i < N; i++) {
            out[i] = Math.exp(x[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] log() {
        for (int i = 0; i < N; i++) {
            out[i] = Math.log(positive[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] sqrt() {
        for (int i = 0; i < N; i++) {
            out[i] = Math.sqrt(positive[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] divide() {
        for (int i = 0; i < N; i++) {
            out[i] = x[i] / positive[i];
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] lambertW() {
        for (int i = 0; i < N; i++) {
            out[i] = LambertW.w0(lambertArgument[i]);
        }
        return out;
    }

    /** One step of the scan's running sums: a multiply-add that depends on the previous one. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double dependentMultiplyAdd() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += x[i] * positive[i];
        }
        return s;
    }

    /** Sorting n packed (time, index) keys, per key: the per-layer and per-neuron (synaptic) sorts. */
    @State(Scope.Thread)
    public static class Keys {
        @Param({"4", "32", "128", "256", "784"})
        int n;
        long[] source;
        long[] scratch;

        @Setup
        public void setUp() {
            SplittableRandom r = new SplittableRandom(n);
            source = new long[n];
            for (int i = 0; i < n; i++) {
                source[i] = InputOrder.sortable(r.nextDouble(0.15, 3.0)) >>> 1 & ~1023L | i;
            }
            scratch = new long[n];
        }
    }

    @Benchmark
    public long[] sortKeys(Keys k) {
        System.arraycopy(k.source, 0, k.scratch, 0, k.n);
        Arrays.sort(k.scratch, 0, k.n);
        return k.scratch;
    }
}
