package io.delaynet.run;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.config.MemoryCheck;
import io.delaynet.io.AtomicFiles;
import io.delaynet.io.Checkpoint;
import io.delaynet.io.FolderLock;
import io.delaynet.io.Json;
import io.delaynet.io.ModelFile;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Evaluation;
import io.delaynet.train.Learner;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import io.delaynet.train.TrainingOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One training run from resolved configuration to finished folder: trains, checkpoints after
 * every epoch (atomically), and finally writes the model, the metrics and summary.json. A run
 * resumed from its checkpoint ends with exactly the numbers of an uninterrupted one.
 */
public final class TrainingRun {
    private final ResolvedConfig config;
    private final RunFolder folder;
    private final RunContext context;
    /** A new run (from {@link #start}): its folder must still be empty once locked. */
    private final boolean fresh;
    /** Whether {@link #start} created the folder, so that a run that fails before its first epoch removes it. */
    private final boolean createdFolder;

    public TrainingRun(ResolvedConfig config, Path dir, RunContext context) {
        this(config, dir, context, false, false);
    }

    private TrainingRun(ResolvedConfig config, Path dir, RunContext context, boolean fresh, boolean createdFolder) {
        this.config = config;
        this.folder = new RunFolder(dir);
        this.context = context;
        this.fresh = fresh;
        this.createdFolder = createdFolder;
    }

    public RunFolder folder() {
        return folder;
    }

    public ResolvedConfig config() {
        return config;
    }

    /** Starts a new run in an empty or absent folder. */
    public static TrainingRun start(ResolvedConfig config, Path dir, RunContext context) {
        if (config.epochs() < 1) {
            // a run of no epochs has no learning curve and no seconds per epoch: nothing a run folder is for
            throw new ConfigException("training.epochs is " + config.epochs() + ", so nothing would be trained; "
                    + "give 1 or more (--epochs N)");
        }
        boolean created = !Files.exists(dir);
        try {
            if (Files.isDirectory(dir)) {
                requireEmpty(dir);
            } else if (Files.exists(dir)) {
                throw new ConfigException("output path " + dir + " is a file; choose a folder for --out");
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new ConfigException("output folder " + dir + " is not writable; choose another --out folder");
            }
        } catch (IOException e) {
            throw new ConfigException("cannot create output folder " + dir + " (" + e.getMessage()
                    + "); choose a writable --out folder");
        }
        return new TrainingRun(config, dir, context, true, created);
    }

    /** A new run needs a folder that holds nothing (but perhaps the lock file of an earlier attempt). */
    private static void requireEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            if (entries.anyMatch(p -> !FolderLock.isLockFile(p))) {
                throw new ConfigException("output folder " + dir + " is not empty; choose a new --out folder, "
                        + "or continue the run there with --resume " + dir);
            }
        }
    }

    /** Reopens an interrupted run from its folder (its saved config and checkpoint), named after the folder. */
    public static TrainingRun resume(Path dir, List<String> overrides, RunContext context) {
        return resume(dir, dir.getFileName().toString(), overrides, context);
    }

    /**
     * Reopens an interrupted run from its folder under the given name (the summary's
     * {@code config}), so that a resumed run of a sweep is named like one that ran straight through.
     */
    public static TrainingRun resume(Path dir, String name, List<String> overrides, RunContext context) {
        RunFolder f = new RunFolder(dir);
        if (!Files.isRegularFile(f.config())) {
            throw new ConfigException(dir + " holds no config.yaml; --resume needs the folder of a run started by 'delaynet train'");
        }
        ObjectNode saved = ConfigTree.read(f.config());
        ObjectNode patched = saved.deepCopy();
        for (String o : overrides) {
            ConfigTree.override(patched, o);
        }
        requireSameIdentity(dir, saved, patched, "");
        ResolvedConfig resolved = ResolvedConfig.ofTree(patched, name);
        requireUnfinished(f, resolved);
        try {
            AtomicFiles.removeLeftovers(dir);
        } catch (IOException e) {
            throw new ConfigException("cannot tidy run folder " + dir + " (" + e.getMessage() + "); check its permissions");
        }
        return new TrainingRun(resolved, dir, context);
    }

    /**
     * A resumed run keeps its method and its seeds: with another seed its numbers would be those of
     * no run at all, while provenance.json and summary.json would claim the new one.
     */
    private static void requireSameIdentity(Path dir, JsonNode saved, JsonNode patched, String path) {
        if (patched.isObject()) {
            for (var e : patched.properties()) {
                String key = e.getKey();
                String child = path.isEmpty() ? key : path + "." + key;
                boolean identity = child.equals("method") || key.equals("seed") || key.endsWith("_seed");
                JsonNode before = saved.path(key);
                if (identity && !e.getValue().equals(before)) {
                    throw new ConfigException("run " + dir + " was started with " + child + " " + shown(before)
                            + " and --resume continues it unchanged, so " + child + " " + shown(e.getValue())
                            + " is refused; start a new run for it (--out NEW_DIR), or drop that override");
                }
                requireSameIdentity(dir, before, e.getValue(), child);
            }
        }
    }

    private static String shown(JsonNode value) {
        return value.isMissingNode() ? "(unset)" : value.isString() ? value.asString() : value.toString();
    }

    /**
     * Trains a run folder again from the start, from its saved config.yaml (plus overrides): for a
     * run whose checkpoint is damaged. The caller holds the folder's {@link FolderLock}. The run's
     * own files are deleted only once the configuration is known good; other files make it refuse.
     */
    public static TrainingRun restart(Path dir, List<String> overrides, RunContext context) {
        RunFolder f = new RunFolder(dir);
        if (!Files.isRegularFile(f.config())) {
            throw new ConfigException(dir + " holds no config.yaml; --restart needs the folder of a run started by 'delaynet train'");
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        ResolvedConfig resolved = ResolvedConfig.resolve(ConfigTree.read(f.config()),
                name == null ? null : name.toString(), overrides);
        resolved.build(context); // a bad override fails here, before anything is deleted
        List<Path> own = List.of(f.config(), f.checkpoint(), f.metricsCsv(), f.metricsJson(), f.model(), f.summary(),
                f.provenance(), f.report());
        try {
            AtomicFiles.removeLeftovers(dir);
            try (var entries = Files.list(dir)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    if (!own.contains(p) && !p.equals(f.plots()) && !FolderLock.isLockFile(p)) {
                        throw new ConfigException(dir + " holds " + p.getFileName() + ", which no run writes; move it away "
                                + "before --restart, which deletes the run's files");
                    }
                }
            }
            for (Path p : own) {
                Files.deleteIfExists(p);
            }
            if (Files.isDirectory(f.plots())) {
                try (var plots = Files.list(f.plots())) {
                    for (Path p : (Iterable<Path>) plots::iterator) {
                        Files.delete(p);
                    }
                }
                Files.delete(f.plots());
            }
        } catch (IOException e) {
            throw new ConfigException("cannot clear run folder " + dir + " for --restart (" + e.getMessage()
                    + "); check its permissions");
        }
        return start(resolved, dir, context);
    }

    /** A finished run continues only to more epochs than it has. */
    private static void requireUnfinished(RunFolder f, ResolvedConfig resolved) {
        if (Files.isRegularFile(f.model()) && Files.isRegularFile(f.checkpoint())) {
            int done = Checkpoint.read(f.checkpoint()).nextEpoch();
            int wanted = resolved.epochs();
            if (wanted <= done) {
                throw new ConfigException("run " + f.dir() + " already finished its " + done + " epochs; to train it further, "
                        + "resume with --epochs N for some N > " + done);
            }
        }
    }

    /**
     * Trains (or continues), then evaluates and writes the final files, holding the folder's
     * {@link FolderLock} throughout. What {@link #start} or {@link #resume} checked is checked again
     * once the lock is held, since another process may have written there in between. A new run
     * that fails before its first epoch is saved leaves no folder behind (when it created it).
     */
    public RunSummary execute(TrainingListener listener) {
        return execute(listener, null);
    }

    /**
     * As {@link #execute(TrainingListener)}, with every batch's chunks computed through
     * {@code cluster} (null: on this machine's worker threads); the numbers are the same.
     */
    public RunSummary execute(TrainingListener listener, DataParallelFactory.Session cluster) {
        try (FolderLock lock = FolderLock.acquire(folder.dir(), "delaynet train")) {
            try {
                if (fresh) {
                    requireEmpty(folder.dir());
                } else {
                    requireUnfinished(folder, config);
                }
            } catch (IOException e) {
                throw new ConfigException("cannot read run folder " + folder.dir() + " (" + e.getMessage()
                        + "); check its permissions");
            }
            try {
                return executeLocked(listener, cluster);
            } catch (ConfigException | io.delaynet.data.DataException | VirtualMachineError e) {
                // a user error or too little memory; an interrupt keeps the folder, so --resume can start it over
                if (fresh && !Files.exists(folder.checkpoint())) {
                    removeUnstarted();
                }
                throw e;
            }
        }
    }

    /** Deletes what a new run wrote before its first checkpoint (config, provenance), and the folder if it made it. */
    private void removeUnstarted() {
        try {
            for (Path p : List.of(folder.config(), folder.provenance(), folder.metricsCsv(), folder.metricsJson())) {
                Files.deleteIfExists(p);
            }
            AtomicFiles.removeLeftovers(folder.dir());
            if (createdFolder) {
                Files.deleteIfExists(folder.dir().resolve(FolderLock.FILE));
                Files.deleteIfExists(folder.dir());
            }
        } catch (IOException e) {
            // best effort: the error that stopped the run is the one to report
        }
    }

    /**
     * Refuses a run whose training would not fit in the heap left once the network and the data are
     * loaded ({@link MemoryCheck#requireHeapForTraining}): the trainer's workspaces and optimizer
     * state ({@link Trainer#bytesNeeded}), the best epoch's copy of the parameters, and the model file
     * being written (its largest arrays as bytes and as base64 text, about three copies).
     */
    static void requireHeapForTraining(Learner<?> learner, TrainingOptions options, boolean keepBest) {
        long parameters = Learner.gradientBytes(learner.parameters());
        long workspace = learner.workspaceBytes();
        long bytes = Trainer.bytesNeeded(learner, options) + (keepBest ? parameters : 0) + 3 * parameters;
        MemoryCheck.requireHeapForTraining(bytes, String.format(Locale.ROOT,
                "%d workspaces of %.1f MiB each for the recorded windows, delay buffers, traces and gradients, one per "
                        + "chunk of a batch whatever training.threads is, plus %.1f MiB of optimizer state and copies of "
                        + "the parameters", Trainer.CHUNKS, MemoryCheck.mib(workspace),
                MemoryCheck.mib(bytes - Trainer.CHUNKS * workspace)),
                "make the network or its time window smaller (network.hidden or network.layers, data.encoding.steps or "
                        + "data.audio.duration_ms)");
    }

    private RunSummary executeLocked(TrainingListener listener, DataParallelFactory.Session cluster) {
        long start = System.nanoTime();
        Experiment experiment = config.build(context);
        TrainingOptions options = experiment.training().toOptions();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Learner<Learner.Workspace> learner = (Learner) experiment.learner();
        List<ParameterGroup> groups = learner.parameters();
        List<EpochMetrics> history = new ArrayList<>();
        int firstEpoch = 0;
        BestParameters best = new BestParameters(groups);
        Map<String, Object> provenance = Provenance.collect(options.seed(), options.threads(), experiment.dataFiles());
        io.delaynet.train.ChunkRunner chunks = cluster == null ? null
                : cluster.runner(experiment, ConfigTree.toYaml(config.tree()), context);
        requireHeapForTraining(learner, options, experiment.training().keepBestValidation());
        try (Trainer<Learner.Workspace> trainer = new Trainer<>(learner, options, chunks)) {
            if (Files.isRegularFile(folder.checkpoint())) {
                Checkpoint cp = Checkpoint.read(folder.checkpoint());
                new ModelFile(config.tree(), cp.parameters(), Map.of()).applyTo(groups, folder.checkpoint());
                restoreOptimizer(trainer, cp);
                experiment.restoreExtraState(cp.extra());
                best.restore(cp.extra());
                learner.afterStep();
                history.addAll(cp.history());
                firstEpoch = cp.nextEpoch();
            }
            // (re)written once the checkpoint fits, so overrides given on resume (e.g. more epochs) are on record
            write(folder.config(), ConfigTree.toYaml(config.tree()));
            write(folder.provenance(), Json.write(provenance));
            TrainingListener recorder = new TrainingListener() {
                @Override
                public void batchDone(int epoch, int batch, int batches, int samplesDone, double loss, double accuracy) {
                    listener.batchDone(epoch, batch, batches, samplesDone, loss, accuracy);
                }

                @Override
                public void epochDone(EpochMetrics metrics) {
                    requireFinite(metrics, groups);
                    history.add(metrics);
                    best.offer(metrics);
                    writeMetrics(history);
                    try {
                        Map<String, double[]> extra = new LinkedHashMap<>(experiment.extraState());
                        extra.putAll(best.state());
                        Checkpoint.capture(metrics.epoch() + 1, groups, trainer.optimizer(), extra, history)
                                .write(folder.checkpoint());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    listener.epochDone(metrics);
                }
            };
            trainer.fit(firstEpoch, recorder);
            int selectedEpoch = history.size();
            double finalTest = Double.NaN;
            if (experiment.training().keepBestValidation() && best.epoch() > 0) {
                finalTest = trainer.evaluate(Split.TEST).accuracy();
                best.applyTo(groups);
                learner.afterStep();
                selectedEpoch = best.epoch();
            }
            Evaluation validation = trainer.evaluate(Split.VALIDATION);
            Evaluation test = trainer.evaluate(Split.TEST);
            Evaluation trainEval = trainer.evaluate(Split.TRAIN);
            try {
                ModelFile.of(config.tree(), groups, provenance, experiment.description()).write(folder.model());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long trainable = groups.stream().filter(ParameterGroup::trainable).mapToLong(ParameterGroup::size).sum();
            double secondsPerEpoch = history.stream().mapToDouble(EpochMetrics::trainSeconds).average().orElse(Double.NaN);
            RunSummary summary = new RunSummary(config.method().name(), config.name(), test.accuracy(),
                    validation.accuracy(), trainEval.accuracy(), test.loss(), history.size(), secondsPerEpoch, trainable,
                    options.seed(), options.threads(), (System.nanoTime() - start) / 1e9, selectedEpoch,
                    Double.isNaN(finalTest) ? test.accuracy() : finalTest, test.latency().meanSteps(),
                    test.latency().medianSteps());
            write(folder.summary(), summary.toJson());
            return summary;
        } catch (UncheckedIOException e) {
            throw new ConfigException("cannot write to run folder " + folder.dir() + " (" + e.getCause().getMessage()
                    + "); check free space and permissions");
        }
    }

    /**
     * Stops a run whose epoch ended with a NaN loss or a non-finite parameter, before that epoch's
     * checkpoint is written: the folder keeps the last good one, and no model of NaNs is ever saved.
     */
    private void requireFinite(EpochMetrics metrics, List<ParameterGroup> groups) {
        String what = Double.isNaN(metrics.trainLoss()) ? "the training loss is NaN" : null;
        for (ParameterGroup g : groups) {
            for (double v : g.values()) {
                if (what == null && !Double.isFinite(v)) {
                    what = g.name() + " holds " + v;
                }
            }
        }
        if (what != null) {
            int epoch = metrics.epoch() + 1;
            String fix = "lower training.learning_rates or clip gradients (training.clip_grad_norm)";
            throw new ConfigException("training diverged in epoch " + epoch + " (" + what + "); " + (epoch > 1
                    ? "the run folder keeps the checkpoint of epoch " + (epoch - 1) + "; " + fix
                            + " and continue with: delaynet train --resume " + folder.dir() + " --set ..."
                    : "no epoch was kept; " + fix + " and train again"));
        }
    }

    /** A checkpoint of another optimizer (or other optimizer settings) is the user's mistake, not a crash. */
    private void restoreOptimizer(Trainer<?> trainer, Checkpoint cp) {
        try {
            trainer.optimizer().restore(cp.optimizer());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cannot resume " + folder.dir() + ": " + e.getMessage()
                    + "; resume with the training.optimizer and training.amsgrad settings the run was started with");
        }
    }

    private void writeMetrics(List<EpochMetrics> history) {
        StringBuilder csv = new StringBuilder(
                "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,train_seconds,eval_seconds,skipped_steps\n");
        List<Map<String, Object>> json = new ArrayList<>();
        for (EpochMetrics m : history) {
            csv.append(String.format(Locale.ROOT, "%d,%.9g,%.6f,%.9g,%.6f,%.6f,%.6f,%d%n", m.epoch() + 1, m.trainLoss(),
                    m.trainAccuracy(), m.validationLoss(), m.validationAccuracy(), m.trainSeconds(), m.evalSeconds(),
                    m.skippedSteps()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", m.epoch() + 1);
            row.put("train_loss", m.trainLoss());
            row.put("train_accuracy", m.trainAccuracy());
            row.put("validation_loss", m.validationLoss());
            row.put("validation_accuracy", m.validationAccuracy());
            row.put("train_seconds", m.trainSeconds());
            row.put("eval_seconds", m.evalSeconds());
            row.put("skipped_steps", m.skippedSteps());
            json.add(row);
        }
        write(folder.metricsCsv(), csv.toString());
        write(folder.metricsJson(), Json.write(json));
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
