package io.delaynet.spark;

import io.delaynet.run.ChunkWorker;
import io.delaynet.run.RunContext;
import io.delaynet.train.ChunkRunner;
import io.delaynet.train.Learner;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Trainer;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * Data-parallel training on Spark: every batch's chunks ({@link Trainer#chunkBounds}) become one
 * Spark task each. The driver broadcasts the current parameter values; an executor thread learns
 * its chunk with its own copy of the learner ({@link ChunkWorker}, built once per executor
 * thread from the run's resolved configuration and kept); the chunk sums come back and the
 * trainer reduces them in chunk order, so the run equals one on a single thread bit for bit. The
 * method's state beyond its parameters ({@link io.delaynet.run.Experiment#extraState}, e.g.
 * DelGrad's batch count that selects the input-noise draws) travels with every batch.
 * Every batch is one Spark job, so this pays only where a chunk's work dwarfs a job's latency
 * (docs/spark.md gives the measured overhead per batch).
 */
public final class SparkChunkRunner implements ChunkRunner {
    private final JavaSparkContext spark;
    private final String config;
    private final String dataDir;
    private final Supplier<Map<String, double[]>> state;

    /**
     * @param resolvedConfigYaml the run's resolved configuration, as its config.yaml holds it
     * @param context            where the executors find the data
     * @param state              the driver's method state before each batch ({@code () -> ChunkWorker.state(experiment)})
     */
    public SparkChunkRunner(JavaSparkContext spark, String resolvedConfigYaml, RunContext context,
                            Supplier<Map<String, double[]>> state) {
        this.spark = spark;
        this.config = resolvedConfigYaml;
        this.state = state;
        this.dataDir = context.dataDir() == null ? null : context.dataDir().toAbsolutePath().toString();
    }

    @Override
    public void learn(List<ParameterGroup> parameters, int[] samples, List<? extends Learner.Workspace> workspaces,
                      SampleResult[] results) {
        int[] b = Trainer.chunkBounds(samples.length);
        List<int[]> chunks = new ArrayList<>(b.length - 1);
        for (int c = 0; c + 1 < b.length; c++) {
            chunks.add(Arrays.copyOfRange(samples, b[c], b[c + 1]));
        }
        Broadcast<double[][]> values = spark.broadcast(ChunkWorker.values(parameters));
        try {
            List<ChunkWorker.Chunk> out = spark.parallelize(chunks, chunks.size())
                    .map(new LearnChunk(config, dataDir, values, state.get())).collect();
            for (int c = 0; c < out.size(); c++) {
                out.get(c).copyInto(workspaces.get(c), results, b[c]);
            }
        } finally {
            values.destroy();
        }
    }

    /** An executor's part: its thread's learner copy learns one chunk with the broadcast values. */
    private record LearnChunk(String config, String dataDir, Broadcast<double[][]> values, Map<String, double[]> state)
            implements Function<int[], ChunkWorker.Chunk>, Serializable {
        @Override
        public ChunkWorker.Chunk call(int[] chunk) {
            return Workers.forThread(config, dataDir).learn(values.value(), state, chunk);
        }
    }

    /**
     * The learner copies of an executor, one per task thread (a learner's parameters are shared
     * state, so two chunks running at once need two copies), rebuilt when a new run's
     * configuration arrives.
     */
    static final class Workers {
        private static final ThreadLocal<Workers> OWN = new ThreadLocal<>();
        private final String config;
        private final String dataDir;
        private final ChunkWorker worker;

        private Workers(String config, String dataDir) {
            this.config = config;
            this.dataDir = dataDir;
            this.worker = ChunkWorker.of(config, new RunContext(dataDir == null ? null : Path.of(dataDir)));
        }

        static ChunkWorker forThread(String config, String dataDir) {
            Workers w = OWN.get();
            if (w == null || !w.config.equals(config) || !java.util.Objects.equals(w.dataDir, dataDir)) {
                w = new Workers(config, dataDir);
                OWN.set(w);
            }
            return w.worker;
        }
    }
}
