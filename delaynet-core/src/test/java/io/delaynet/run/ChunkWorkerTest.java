package io.delaynet.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.delaynet.config.ConfigTree;
import io.delaynet.data.mnist.SharedData;
import io.delaynet.train.ChunkRunner;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Learner;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel training by copies of the learner: each chunk of every batch learnt by a
 * {@link ChunkWorker} built from the run's configuration text (as a cluster executor would build
 * it) and reduced by the trainer in chunk order gives the parameters of training on one thread,
 * bit for bit, for the event (DelGrad) and the time-stepped engine.
 */
class ChunkWorkerTest {
    static final String DELGRAD = """
            method: delgrad
            network:
              layers:
                - {size: 7, delays: synaptic}
                - {size: 3, delays: axonal}
            training: {epochs: 1, threads: 1, batch_size: 150, seed: 4}
            """;
    static final String STEPPED = """
            method: stepped
            data: {train_limit: 96, eval_limit: 16}
            network: {hidden: [12]}
            training: {epochs: 1, threads: 1, batch_size: 32, seed: 4}
            """;

    /** Every chunk to a worker of its own, built from the configuration text, as a cluster would. */
    static final class WorkerChunkRunner implements ChunkRunner {
        private final List<ChunkWorker> workers = new ArrayList<>();
        private final String yaml;
        private final RunContext context;
        private Experiment driver;
        int batches;

        WorkerChunkRunner(String yaml, RunContext context) {
            this.yaml = yaml;
            this.context = context;
        }

        @Override
        public void learn(List<ParameterGroup> parameters, int[] samples, List<? extends Learner.Workspace> workspaces,
                          SampleResult[] results) {
            int[] b = Trainer.chunkBounds(samples.length);
            double[][] values = ChunkWorker.values(parameters);
            java.util.Map<String, double[]> state = ChunkWorker.state(driver);
            for (int c = 0; c + 1 < b.length; c++) {
                while (workers.size() <= c) {
                    workers.add(ChunkWorker.of(yaml, context));
                }
                workers.get(c).learn(values, state, java.util.Arrays.copyOfRange(samples, b[c], b[c + 1]))
                        .copyInto(workspaces.get(c), results, b[c]);
            }
            batches++;
        }
    }

    /** Trains one epoch; returns every parameter group's values and the epoch's metrics. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object[] train(ResolvedConfig config, RunContext context, ChunkRunner runner) {
        Experiment e = config.build(context);
        if (runner instanceof WorkerChunkRunner w) {
            w.driver = e;
        }
        Learner<Learner.Workspace> learner = (Learner) e.learner();
        List<EpochMetrics> metrics;
        try (Trainer<Learner.Workspace> t = new Trainer<>(learner, e.training().toOptions(), runner)) {
            metrics = t.fit(0, TrainingListener.NONE);
        }
        return new Object[] {ChunkWorker.values(learner.parameters()), metrics.getFirst()};
    }

    static void assertSameTraining(String text, RunContext context) {
        ResolvedConfig config = ResolvedConfig.resolve(ConfigTree.parse(text, "test"), "test", List.of());
        String yaml = ConfigTree.toYaml(config.tree());
        Object[] alone = train(config, context, null);
        WorkerChunkRunner runner = new WorkerChunkRunner(yaml, context);
        Object[] spread = train(config, context, runner);
        double[][] a = (double[][]) alone[0];
        double[][] s = (double[][]) spread[0];
        assertEquals(a.length, s.length);
        for (int g = 0; g < a.length; g++) {
            assertArrayEquals(a[g], s[g], "group " + g);
        }
        EpochMetrics ma = (EpochMetrics) alone[1];
        EpochMetrics ms = (EpochMetrics) spread[1];
        assertEquals(ma.trainLoss(), ms.trainLoss());
        assertEquals(ma.trainAccuracy(), ms.trainAccuracy());
        assertEquals(ma.validationLoss(), ms.validationLoss());
        assertFalse(runner.batches == 0, "the runner learnt the batches");
        double[][] initial = ChunkWorker.values(config.build(context).learner().parameters());
        assertFalse(java.util.Arrays.deepEquals(initial, a), "training changed the parameters");
    }

    @Test
    void delGradChunksLearntByCopiesGiveTheBitsOfOneThread() {
        assertSameTraining(DELGRAD, new RunContext(null));
    }

    @Test
    void delGradWithInputNoiseKeepsItsDrawsOnTheCopies() {
        assertSameTraining(DELGRAD.replace("method: delgrad", "method: delgrad\ndata: {noise: 0.05}"), new RunContext(null));
    }

    @Test
    void steppedChunksLearntByCopiesGiveTheBitsOfOneThread() {
        assertSameTraining(STEPPED, new RunContext(SharedData.directoryOrSkip()));
    }
}
