package io.delaynet.spark;

import io.delaynet.config.ConfigTree;
import io.delaynet.run.ChunkWorker;
import io.delaynet.run.Experiment;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Learner;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * What data-parallel training on Spark costs per batch: trains the same epochs of a
 * configuration on the trainer's worker threads and with {@link SparkChunkRunner}, checks that
 * the parameters agree bit for bit, and prints the training seconds per batch of both and their
 * difference (Spark's overhead per batch: a broadcast, one job of one task per chunk, the chunk
 * sums back). The first epoch on Spark also builds the executors' learner copies, so give two
 * epochs or more and read the last line.
 *
 * <p>{@code spark-submit --class io.delaynet.spark.ChunkOverheadBench delaynet-spark.jar CONFIG MASTER [EPOCHS [DATA_DIR]]}
 */
public final class ChunkOverheadBench {
    private ChunkOverheadBench() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ChunkOverheadBench CONFIG MASTER [EPOCHS [DATA_DIR]]");
            System.exit(2);
        }
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        RunContext context = new RunContext(args.length > 3 ? Path.of(args[3]) : null);
        ResolvedConfig config = ResolvedConfig.resolve(Path.of(args[0]), List.of("training.epochs=" + epochs));
        String yaml = ConfigTree.toYaml(config.tree());
        double[][] local = null;
        try (JavaSparkContext spark = SparkSessions.open(args[1], "delaynet chunk bench")) {
            for (boolean onSpark : new boolean[] {false, true}) {
                Experiment e = config.build(context);
                @SuppressWarnings({"unchecked", "rawtypes"})
                Learner<Learner.Workspace> learner = (Learner) e.learner();
                var options = e.training().toOptions();
                int batches = (learner.size(io.delaynet.train.Split.TRAIN) + options.batchSize() - 1) / options.batchSize();
                try (Trainer<Learner.Workspace> t = new Trainer<>(learner, options, onSpark
                        ? new SparkChunkRunner(spark, yaml, context, () -> ChunkWorker.state(e)) : null)) {
                    for (EpochMetrics m : t.fit(0, TrainingListener.NONE)) {
                        System.out.printf(Locale.ROOT, "%-22s epoch %d: %d batches, %.1f ms per batch%n",
                                onSpark ? "spark " + args[1] : "threads " + options.threads(), m.epoch() + 1, batches,
                                1000 * m.trainSeconds() / batches);
                    }
                }
                double[][] values = ChunkWorker.values(learner.parameters());
                if (local == null) {
                    local = values;
                } else {
                    System.out.println("parameters bit-identical to the local run: " + java.util.Arrays.deepEquals(local, values));
                }
            }
        }
    }
}
