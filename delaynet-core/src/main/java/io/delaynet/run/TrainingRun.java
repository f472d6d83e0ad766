package io.delaynet.run;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.io.AtomicFiles;
import io.delaynet.io.Checkpoint;
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

    public TrainingRun(ResolvedConfig config, Path dir, RunContext context) {
        this.config = config;
        this.folder = new RunFolder(dir);
        this.context = context;
    }

    public RunFolder folder() {
        return folder;
    }

    public ResolvedConfig config() {
        return config;
    }

    /** Starts a new run in an empty or absent folder. */
    public static TrainingRun start(ResolvedConfig config, Path dir, RunContext context) {
        try {
            if (Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new ConfigException("output folder " + dir + " is not empty; choose a new --out folder, "
                                + "or continue the run there with --resume " + dir);
                    }
                }
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
        return new TrainingRun(config, dir, context);
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
        for (String o : overrides) {
            ConfigTree.override(saved, o);
        }
        ResolvedConfig resolved = ResolvedConfig.ofTree(saved, name);
        if (Files.isRegularFile(f.model()) && Files.isRegularFile(f.checkpoint())) {
            int done = Checkpoint.read(f.checkpoint()).nextEpoch();
            int wanted = resolved.epochs();
            if (wanted <= done) {
                throw new ConfigException("run " + dir + " already finished its " + done + " epochs; to train it further, "
                        + "resume with --epochs N for some N > " + done);
            }
        }
        try {
            AtomicFiles.removeLeftovers(dir);
        } catch (IOException e) {
            throw new ConfigException("cannot tidy run folder " + dir + " (" + e.getMessage() + "); check its permissions");
        }
        return new TrainingRun(resolved, dir, context);
    }

    /** Trains (or continues), then evaluates and writes the final files. */
    public RunSummary execute(TrainingListener listener) {
        return execute(listener, null);
    }

    /**
     * As {@link #execute(TrainingListener)}, with every batch's chunks computed through
     * {@code cluster} (null: on this machine's worker threads); the numbers are the same.
     */
    public RunSummary execute(TrainingListener listener, DataParallelFactory.Session cluster) {
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
                    Double.isNaN(finalTest) ? test.accuracy() : finalTest);
            write(folder.summary(), summary.toJson());
            return summary;
        } catch (UncheckedIOException e) {
            throw new ConfigException("cannot write to run folder " + folder.dir() + " (" + e.getCause().getMessage()
                    + "); check free space and permissions");
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
