package io.delaynet.train;

import io.delaynet.util.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training for any {@link Learner}: shuffles, batches, spreads each batch over worker threads,
 * reduces the per-sample gradients, and steps the configured {@link Optimizer}.
 *
 * <p><b>When the parameters change</b> is the {@link UpdateSchedule}: once per batch on the batch's
 * mean gradient (samples in parallel), after every sample on its gradient, or every k time steps
 * inside a sample for a {@link StreamingLearner} (these two run the samples one after another on
 * one workspace, so they do not depend on the thread count either). Every update runs the same
 * sequence on the trainer's thread: the learner's {@link Learner#beforeStep} (which may veto it),
 * gradient-norm clipping if configured ({@link GradientClipping}), the optimizer step with the
 * epoch's learning rates, {@link Learner#afterStep}.
 *
 * <p><b>Determinism.</b> Every batch is cut into {@link #CHUNKS} contiguous chunks whose
 * boundaries depend only on the batch size. Each chunk sums its samples in order into its own
 * workspace and the chunk sums are added in chunk order, so the floating-point result is the
 * same whether 1 or 16 threads run the chunks. The data order of epoch e is drawn from the
 * stream ("data-order", e), so a run resumed at epoch e continues exactly as if never stopped.
 */
public final class Trainer<W extends Learner.Workspace> implements AutoCloseable {
    /** Chunks per batch; fixed so the reduction order never depends on the thread count. */
    public static final int CHUNKS = 8;
    /**
     * Groups at least this large are reduced (and stepped by the optimizer) in parallel slices. Every
     * element is still summed over the chunks in chunk order, so the numbers do not change; below
     * this size handing slices to other threads costs more than the sums (DelGrad's groups).
     */
    public static final int PARALLEL_MIN = 1 << 16;

    private final Learner<W> learner;
    private final TrainingOptions options;
    private final List<ParameterGroup> groups;
    private final StreamingLearner<W> streaming;
    private final Optimizer optimizer;
    private final List<W> workspaces = new ArrayList<>();
    private final double[][] batchGradient;
    private final WorkerPool workers;
    private final ChunkRunner chunkRunner;
    private int skippedUpdates;

    /**
     * An upper bound of the bytes a trainer of {@code learner} allocates: {@link #CHUNKS} workspaces
     * (whatever the thread count: the chunks, not the threads, fix the reduction order), the batch
     * gradient and the optimizer state of every trainable group.
     */
    public static long bytesNeeded(Learner<?> learner, TrainingOptions options) {
        long groups = Learner.gradientBytes(learner.parameters());
        long state = 0;
        for (ParameterGroup g : learner.parameters()) {
            state += io.delaynet.config.MemoryCheck.doubles(g.trainable() ? g.size() : 0);
        }
        return CHUNKS * learner.workspaceBytes() + groups + options.optimizer().stateArrays() * state + 4096;
    }

    /**
     * @throws IllegalArgumentException for in-sample updates with a learner that is not a
     *                                  {@link StreamingLearner}
     */
    public Trainer(Learner<W> learner, TrainingOptions options) {
        this(learner, options, null);
    }

    /**
     * A trainer whose per-batch chunks (with {@code training.update.every: batch}) are computed by
     * {@code chunkRunner} instead of the worker threads; everything else, reduction included,
     * stays here. Null: the worker threads, as {@link #Trainer(Learner, TrainingOptions)}.
     */
    public Trainer(Learner<W> learner, TrainingOptions options, ChunkRunner chunkRunner) {
        this.chunkRunner = chunkRunner;
        this.learner = learner;
        this.options = options;
        this.groups = learner.parameters();
        this.streaming = learner instanceof StreamingLearner<W> s ? s : null;
        if (options.update() instanceof UpdateSchedule.EverySteps && streaming == null) {
            throw new IllegalArgumentException("updates every k time steps need a StreamingLearner; "
                    + learner.getClass().getSimpleName() + " is not one");
        }
        this.optimizer = options.optimizer().create(groups);
        for (int c = 0; c < CHUNKS; c++) {
            workspaces.add(learner.newWorkspace());
        }
        batchGradient = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            batchGradient[g] = new double[groups.get(g).size()];
        }
        workers = new WorkerPool(options.threads());
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Learner<W> learner() {
        return learner;
    }

    /** Trains epochs {@code firstEpoch .. options.epochs()-1} (0-based). */
    public List<EpochMetrics> fit(int firstEpoch, TrainingListener listener) {
        List<EpochMetrics> history = new ArrayList<>();
        for (int epoch = firstEpoch; epoch < options.epochs(); epoch++) {
            history.add(trainEpoch(epoch, listener));
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return history;
    }

    /** One epoch of training followed by validation. */
    public EpochMetrics trainEpoch(int epoch, TrainingListener listener) {
        long start = System.nanoTime();
        int n = learner.size(Split.TRAIN);
        int[] order = shuffledOrder(n, new RandomStreams(options.seed()).stream("data-order", epoch));
        learner.beginEpoch(epoch);
        SampleResult[] results = new SampleResult[options.batchSize()];
        double lossSum = 0;
        int correct = 0;
        skippedUpdates = 0;
        int batches = (n + options.batchSize() - 1) / options.batchSize();
        for (int b = 0; b < batches; b++) {
            int from = b * options.batchSize();
            int size = Math.min(options.batchSize(), n - from);
            switch (options.update()) {
                case UpdateSchedule.PerBatch p -> trainBatch(epoch, order, from, size, results);
                case UpdateSchedule.PerSample p -> trainSamples(epoch, order, from, size, results);
                case UpdateSchedule.EverySteps s -> trainInSample(epoch, order, from, size, results, s.steps());
            }
            for (int i = 0; i < size; i++) {
                lossSum += results[i].loss();
                correct += results[i].correct() ? 1 : 0;
            }
            int done = from + size;
            listener.batchDone(epoch, b, batches, done, lossSum / done, (double) correct / done);
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        long evalStart = System.nanoTime();
        Evaluation validation = learner.size(Split.VALIDATION) > 0 ? evaluate(Split.VALIDATION) : null;
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        EpochMetrics metrics = new EpochMetrics(epoch, lossSum / n, (double) correct / n,
                validation == null ? Double.NaN : validation.loss(),
                validation == null ? Double.NaN : validation.accuracy(), trainSeconds, evalSeconds, skippedUpdates);
        listener.epochDone(metrics);
        return metrics;
    }

    /** The samples of a batch in parallel chunks, then one update on their mean gradient. */
    private void trainBatch(int epoch, int[] order, int from, int size, SampleResult[] results) {
        if (chunkRunner != null) {
            for (int c = 0; c < Math.min(CHUNKS, size); c++) {
                workspaces.get(c).reset();
            }
            chunkRunner.learn(groups, java.util.Arrays.copyOfRange(order, from, from + size), workspaces, results);
            update(epoch, size);
            return;
        }
        runChunks(size, (chunk, lo, hi) -> {
            W ws = workspaces.get(chunk);
            ws.reset();
            for (int i = lo; i < hi; i++) {
                results[i] = learner.learn(order[from + i], ws);
            }
        });
        update(epoch, size);
    }

    /** One sample after the other, an update after each: batch size 1, in the same arithmetic. */
    private void trainSamples(int epoch, int[] order, int from, int size, SampleResult[] results) {
        W ws = workspaces.get(0);
        for (int i = 0; i < size; i++) {
            ws.reset();
            results[i] = learner.learn(order[from + i], ws);
            update(epoch, 1);
        }
    }

    /** One sample after the other, each updating every {@code k} time steps through the hook. */
    private void trainInSample(int epoch, int[] order, int from, int size, SampleResult[] results, int k) {
        W ws = workspaces.get(0);
        StreamingLearner.UpdateHook hook = () -> {
            update(epoch, 1);
            zeroGradients(ws);
        };
        for (int i = 0; i < size; i++) {
            ws.reset();
            results[i] = streaming.learn(order[from + i], ws, k, hook);
        }
    }

    /**
     * Reduces the first {@code min(CHUNKS, size)} workspaces into the mean gradient, and unless the
     * learner vetoes, clips it (if configured), steps the optimizer and lets the learner tidy up.
     */
    private void update(int epoch, int size) {
        double[] counters = reduce(size);
        if (!learner.beforeStep(batchGradient, counters, size)) {
            skippedUpdates++;
            return;
        }
        if (options.clipsGradients()) {
            GradientClipping.clip(groups, batchGradient, options.clipGradNorm(), workers, PARALLEL_MIN);
        }
        optimizer.step(batchGradient, key -> options.learningRate(key, epoch), workers, PARALLEL_MIN);
        learner.afterStep();
    }

    /** After an in-sample update: gradients of the trainable groups and the counters start again from zero. */
    private void zeroGradients(W ws) {
        double[][] gradients = ws.gradients();
        for (int g = 0; g < gradients.length; g++) {
            if (groups.get(g).trainable()) {
                java.util.Arrays.fill(gradients[g], 0.0);
            }
        }
        java.util.Arrays.fill(ws.counters(), 0.0);
    }

    /** Loss and accuracy over a whole split with the current parameters. */
    public Evaluation evaluate(Split split) {
        int n = learner.size(split);
        SampleResult[] results = new SampleResult[n];
        runChunks(n, (chunk, lo, hi) -> {
            W ws = workspaces.get(chunk);
            for (int i = lo; i < hi; i++) {
                results[i] = learner.evaluate(split, i, ws);
            }
        });
        double loss = 0;
        int correct = 0;
        int[] predictions = new int[n];
        int[] labels = new int[n];
        int[] decisionSteps = new int[n];
        for (int i = 0; i < n; i++) {
            decisionSteps[i] = results[i].decisionStep();
            loss += results[i].loss();
            correct += results[i].correct() ? 1 : 0;
            predictions[i] = results[i].predicted();
            labels[i] = results[i].label();
        }
        return new Evaluation(split, n == 0 ? Double.NaN : loss / n, n == 0 ? Double.NaN : (double) correct / n,
                predictions, labels, decisionSteps);
    }

    /**
     * Sums the chunk gradients in chunk order into {@link #batchGradient}, divides by the batch size.
     * Frozen groups are skipped: the optimizer never reads them, and summing a large frozen group
     * (delay-only training freezes 784x800 weights) would cost as much as the samples themselves.
     * Large groups are summed in parallel slices (627k delays x 8 chunks would otherwise be a
     * serial third of a delay-only batch).
     */
    private double[] reduce(int size) {
        int used = Math.min(CHUNKS, size);
        double[] counters = workspaces.get(0).counters().clone();
        for (int g = 0; g < batchGradient.length; g++) {
            if (!groups.get(g).trainable()) {
                continue;
            }
            int group = g;
            int length = batchGradient[g].length;
            WorkerPool pool = length >= PARALLEL_MIN ? workers : WorkerPool.SERIAL;
            pool.run(CHUNKS, length, (slice, lo, hi) -> reduceSlice(group, used, size, lo, hi));
        }
        for (int c = 1; c < used; c++) {
            double[] part = workspaces.get(c).counters();
            for (int i = 0; i < counters.length; i++) {
                counters[i] += part[i];
            }
        }
        return counters;
    }

    /** Elements [lo, hi) of group g: the sum over the used chunks in chunk order, divided by the batch size. */
    private void reduceSlice(int g, int used, int size, int lo, int hi) {
        double[] total = batchGradient[g];
        System.arraycopy(workspaces.get(0).gradients()[g], lo, total, lo, hi - lo);
        for (int c = 1; c < used; c++) {
            double[] part = workspaces.get(c).gradients()[g];
            for (int i = lo; i < hi; i++) {
                total[i] += part[i];
            }
        }
        double scale = 1.0 / size;
        for (int i = lo; i < hi; i++) {
            total[i] *= scale;
        }
    }

    /**
     * Runs {@code body} over {@link #CHUNKS} contiguous ranges of [0, size), in parallel if configured.
     * Which thread runs a chunk varies, but each chunk always writes to its own workspace, so the
     * reduction order (and result) does not.
     */
    private void runChunks(int size, WorkerPool.RangeBody body) {
        workers.run(CHUNKS, size, body);
    }

    /**
     * Where the chunks of a batch of {@code size} samples begin and end: chunk {@code c} is
     * {@code [b[c], b[c+1])}, for {@code min(CHUNKS, size)} chunks (what the worker threads use).
     */
    public static int[] chunkBounds(int size) {
        int count = Math.min(CHUNKS, size);
        int[] b = new int[count + 1];
        for (int c = 0; c <= count; c++) {
            b[c] = (int) ((long) c * size / count);
        }
        return b;
    }

    static int[] shuffledOrder(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public void close() {
        workers.close();
    }
}
