package io.delaynet.event;

import io.delaynet.config.ConfigBinder;
import io.delaynet.event.config.DelGradConfig;
import io.delaynet.event.config.DelGradMethod;
import io.delaynet.run.ResolvedConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One DelGrad training sample of the default Yin-Yang network (forward, loss, backward into the
 * workspace), on one thread: the engine's side of docs/performance.md's comparison with the lower
 * bound, measured in the same JMH run as {@link PrimitivesBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SampleBenchmark {
    private static final int SAMPLES = 5000;
    private DelGradLearner learner;
    private DelGradLearner.Workspace workspace;

    @Setup
    public void setUp() {
        DelGradConfig config = ConfigBinder.bind(ResolvedConfig.resolve(null, List.of()).tree(), DelGradConfig.class, "bench");
        learner = DelGradMethod.learner(config);
        workspace = learner.newWorkspace();
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double yinYangTrainingSample() {
        workspace.reset();
        double loss = 0;
        for (int s = 0; s < SAMPLES; s++) {
            loss += learner.learn(s, workspace).loss();
        }
        return loss;
    }
}
