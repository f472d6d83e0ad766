package io.delaynet.cli;

import io.delaynet.cli.report.ReportWriter;
import io.delaynet.config.ConfigException;
import io.delaynet.io.Checkpoint;
import io.delaynet.io.FolderLock;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunRecord;
import io.delaynet.run.RunSummary;
import io.delaynet.run.TrainingRun;
import io.delaynet.train.Split;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code delaynet train}: runs a configuration and leaves a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network. Without --config, trains the built-in default: DelGrad on Yin-Yang, "
                + "4-30-3 with learnable synaptic delays.",
                "Every config key can be overridden with --set key.path=value, e.g. --set training.batch_size=50.",
                "The run folder gets config.yaml, provenance.json, metrics.csv/json and checkpoint.bin after every "
                        + "epoch, then model.json, summary.json and a report (index.html with plots)."},
        footer = {"", "Configuration keys:",
                "  delaynet config               the defaults, with a comment on every key (start your own file from it)",
                "  delaynet config --keys        every key, its default and meaning, as a table",
                "  delaynet config -c FILE       the configuration a run would use, checked",
                "  docs/configuration.md         the same reference for every method",
                "", "Ctrl-C stops cleanly after the current batch; continue with --resume RUN_DIR."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML or JSON run configuration.")
    Path config;

    @Option(names = "--epochs", paramLabel = "N", description = "Override training.epochs.")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Override training.seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Override training.threads (0 = all cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any config key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Run folder to create (default: runs/<config>-<time>).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue an interrupted run from its folder; it ends exactly as an uninterrupted run would.")
    Path resume;

    @Option(names = "--restart", paramLabel = "RUN_DIR",
            description = "Train a run folder again from the start, from its saved config.yaml (for a damaged checkpoint); "
                    + "deletes the run's old files.")
    Path restart;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final summary.")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "STYLE", defaultValue = "auto",
            description = "auto (a bar on a terminal, else one line per epoch), bar, lines or none (default: ${DEFAULT-VALUE}).")
    String progress;

    @Option(names = "--no-report", description = "Skip the HTML report and plots at the end (build them later with 'delaynet report').")
    boolean noReport;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Compute every batch's chunks as Spark tasks on MASTER (local[2], spark://host:7077); needs the "
                    + "delaynet-spark jar (docs/spark.md). The numbers equal a local run's; it pays only for large models.")
    String spark;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        ProgressDisplay.Style style = quiet ? ProgressDisplay.Style.NONE : progressStyle();
        RunContext context = new RunContext(data.resolve());
        io.delaynet.run.DataParallelFactory factory = spark == null ? null
                : io.delaynet.run.DataParallelFactory.find("spark").orElseThrow(() -> new io.delaynet.config.ConfigException(
                        "--spark needs the delaynet-spark module, which is not on the class path; run the shaded "
                                + "delaynet-spark jar (docs/spark.md), or leave out --spark to train locally"));
        PrintStream stdout = System.out;
        if (restart != null) {
            if (config != null || out != null || resume != null) {
                throw new ConfigException("--restart trains a run again with its saved config and folder; drop --config, "
                        + "--out and --resume");
            }
            if (!Files.isDirectory(restart)) {
                throw new ConfigException("run folder " + restart + " does not exist; --restart needs the folder of a run "
                        + "started by 'delaynet train'");
            }
            try (FolderLock lock = FolderLock.acquire(restart, "delaynet train --restart")) {
                return train(TrainingRun.restart(restart, allOverrides(), context), context, style, stdout, factory);
            }
        }
        TrainingRun run = prepare(context);
        // the folder stays locked until the report is written: no other process writes there meanwhile
        try (FolderLock lock = FolderLock.acquire(run.folder().dir(), "delaynet train")) {
            return train(run, context, style, stdout, factory);
        }
    }

    private int train(TrainingRun run, RunContext context, ProgressDisplay.Style style, PrintStream stdout,
                      io.delaynet.run.DataParallelFactory factory) {
        int firstEpoch = Files.isRegularFile(run.folder().checkpoint())
                ? Checkpoint.read(run.folder().checkpoint()).nextEpoch() : 0;
        // the hook stays installed until the report is written, so Ctrl-C never cuts a file in half
        try (io.delaynet.run.DataParallelFactory.Session cluster = factory == null ? null : factory.open(spark);
             Interruption interruption = Interruption.install();
             ProgressDisplay display = ProgressDisplay.create(style, stdout, firstEpoch, run.config().epochs())) {
            RunSummary s;
            try {
                s = run.execute(interruption.andThen(display), cluster);
            } catch (Interruption.Stopped stopped) {
                display.finish();
                reportStop(stdout, run);
                return 130;
            }
            display.finish();
            stdout.printf(Locale.ROOT, "test accuracy %.2f %%  %s  (%d epochs, kept epoch %d, "
                            + "%.4f s/epoch training, %d parameters, %.1f s)%n", 100 * s.testAccuracy(),
                    EpochPace.validation(s.validationAccuracy(),
                            String.format(Locale.ROOT, "validation %.2f %%", 100 * s.validationAccuracy())),
                    s.epochs(), s.selectedEpoch(), s.secondsPerEpoch(), s.parameters(), s.totalSeconds());
            if (!Double.isNaN(s.decisionStepMean())) {
                stdout.printf(Locale.ROOT, "decision step (test, the step after which the running decision stays at its "
                        + "final answer): mean %.2f, median %.1f%n", s.decisionStepMean(), s.decisionStepMedian());
            }
            stdout.println("run folder: " + run.folder().dir());
            if (!noReport) {
                writeReport(stdout, run, context);
            }
            return 0;
        }
    }

    /** Opens the run to train: a resumed folder, or a new one created only once the configuration is known good. */
    private TrainingRun prepare(RunContext context) {
        List<String> all = allOverrides();
        if (resume != null) {
            if (config != null || out != null) {
                throw new ConfigException("--resume continues a run with its saved config and folder; drop --config and --out");
            }
            TrainingRun run = TrainingRun.resume(resume, all, context);
            run.config().build(context); // a bad override fails here, before the folder is touched
            return run;
        }
        ResolvedConfig resolved = ResolvedConfig.resolve(config, all);
        resolved.build(context); // fail on a bad config before creating any folder
        Path dir = out != null ? out : Path.of("runs", resolved.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return TrainingRun.start(resolved, dir, context);
    }

    /** --set overrides, then the shortcuts --epochs, --seed and --threads. */
    private List<String> allOverrides() {
        List<String> all = new ArrayList<>(overrides);
        if (epochs != null) {
            all.add("training.epochs=" + epochs);
        }
        if (seed != null) {
            all.add("training.seed=" + seed);
        }
        if (threads != null) {
            all.add("training.threads=" + threads);
        }
        return all;
    }

    private ProgressDisplay.Style progressStyle() {
        try {
            return ProgressDisplay.Style.valueOf(progress.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--progress must be auto, bar, lines or none, got '" + progress + "'");
        }
    }

    /** The report is extra: the finished run stays a success even when the report cannot be written. */
    private static void writeReport(PrintStream stdout, TrainingRun run, RunContext context) {
        try {
            ReportWriter.Result report = ReportWriter.write(RunRecord.read(run.folder().dir()), context, Split.TEST, 3);
            for (String w : report.warnings()) {
                stdout.println("warning: " + w);
            }
            stdout.println("report: " + report.index());
        } catch (ConfigException e) {
            stdout.println("warning: the run is complete, but its report could not be written (" + e.getMessage()
                    + "); retry with: delaynet report " + run.folder().dir());
        }
    }

    /** Printed on standard output: Ctrl-C also stops the launcher's filter of standard error. */
    private static void reportStop(PrintStream stdout, TrainingRun run) {
        Path cp = run.folder().checkpoint();
        int done = Files.isRegularFile(cp) ? Checkpoint.read(cp).nextEpoch() : 0;
        stdout.println();
        stdout.println("interrupted: stopped during epoch " + (done + 1) + "; the run folder keeps the " + done
                + " finished epoch" + (done == 1 ? "" : "s") + ".");
        stdout.println("continue with: delaynet train --resume " + run.folder().dir());
        stdout.flush();
    }
}
