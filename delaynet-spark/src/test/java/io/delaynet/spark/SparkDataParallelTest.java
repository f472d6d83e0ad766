package io.delaynet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.config.ConfigTree;
import io.delaynet.run.ChunkWorker;
import io.delaynet.run.Experiment;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.train.ChunkRunner;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Learner;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel training with the chunks of every batch as Spark tasks (a local[2] session the
 * test starts) gives the parameters and metrics of training on one thread, bit for bit, for the
 * event engine (DelGrad with input noise, one epoch of Yin-Yang: 8 batches) and the time-stepped engine (three
 * batches of MNIST).
 */
class SparkDataParallelTest {
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.open("local[2]", "delaynet test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object[] train(ResolvedConfig config, RunContext context, boolean onSpark) {
        Experiment e = config.build(context);
        ChunkRunner runner = onSpark ? new SparkChunkRunner(spark, ConfigTree.toYaml(config.tree()), context,
                () -> ChunkWorker.state(e)) : null;
        Learner<Learner.Workspace> learner = (Learner) e.learner();
        List<EpochMetrics> metrics;
        try (Trainer<Learner.Workspace> t = new Trainer<>(learner, e.training().toOptions(), runner)) {
            metrics = t.fit(0, TrainingListener.NONE);
        }
        return new Object[] {ChunkWorker.values(learner.parameters()), metrics.getFirst()};
    }

    private static void assertSparkEqualsOneThread(String text, RunContext context) {
        ResolvedConfig config = ResolvedConfig.resolve(ConfigTree.parse(text, "test"), "test", List.of());
        Object[] alone = train(config, context, false);
        Object[] onSpark = train(config, context, true);
        double[][] a = (double[][]) alone[0];
        double[][] s = (double[][]) onSpark[0];
        for (int g = 0; g < a.length; g++) {
            assertArrayEquals(a[g], s[g], "parameter group " + g);
        }
        EpochMetrics ma = (EpochMetrics) alone[1];
        EpochMetrics ms = (EpochMetrics) onSpark[1];
        assertEquals(ma.trainLoss(), ms.trainLoss());
        assertEquals(ma.trainAccuracy(), ms.trainAccuracy());
        assertEquals(ma.validationAccuracy(), ms.validationAccuracy());
        assertFalse(java.util.Arrays.deepEquals(ChunkWorker.values(config.build(context).learner().parameters()), a),
                "training changed the parameters");
    }

    @Test
    void delGradOnSparkIsBitIdenticalToOneThread() {
        assertSparkEqualsOneThread("""
                method: delgrad
                data: {noise: 0.05}
                network:
                  layers:
                    - {size: 7, delays: synaptic}
                    - {size: 3, delays: axonal}
                training: {epochs: 1, threads: 1, batch_size: 625, seed: 4}
                """, new RunContext(null));
    }

    @Test
    void steppedOnSparkIsBitIdenticalToOneThread() {
        String dir = System.getProperty("delaynet.shared.data");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "mnist")), "MNIST not found at " + dir);
        assertSparkEqualsOneThread("""
                method: stepped
                data: {train_limit: 96, eval_limit: 16}
                network: {hidden: [12]}
                training: {epochs: 1, threads: 1, batch_size: 32, seed: 4}
                """, new RunContext(Path.of(dir)));
    }
}
