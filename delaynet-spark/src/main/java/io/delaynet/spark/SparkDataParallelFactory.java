package io.delaynet.spark;

import io.delaynet.run.ChunkWorker;
import io.delaynet.run.DataParallelFactory;
import io.delaynet.run.Experiment;
import io.delaynet.run.RunContext;
import io.delaynet.train.ChunkRunner;
import org.apache.spark.api.java.JavaSparkContext;

/** {@code delaynet train --spark MASTER}: registered in META-INF/services, found by the command line at run time. */
public final class SparkDataParallelFactory implements DataParallelFactory {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session open(String master) {
        JavaSparkContext spark = SparkSessions.open(master, "delaynet train");
        return new Session() {
            @Override
            public ChunkRunner runner(Experiment experiment, String resolvedConfigYaml, RunContext context) {
                return new SparkChunkRunner(spark, resolvedConfigYaml, context, () -> ChunkWorker.state(experiment));
            }

            @Override
            public void close() {
                spark.stop();
            }
        };
    }
}
