package io.delaynet.cli;

import io.delaynet.config.ConfigException;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunSummary;
import io.delaynet.run.TrainingRun;
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
                "Every config key can be overridden with --set key.path=value, e.g. --set training.batch_size=50."})
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

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue an interrupted run from its folder.")
    Path resume;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final summary line.")
    boolean quiet;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
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
        RunContext context = new RunContext(data.resolve());
        TrainingRun run;
        if (resume != null) {
            if (config != null || out != null) {
                throw new ConfigException("--resume continues a run with its saved config and folder; drop --config and --out");
            }
            run = TrainingRun.resume(resume, all, context);
        } else {
            ResolvedConfig resolved = ResolvedConfig.resolve(config, all);
            resolved.build(context); // fail on a bad config before creating any folder
            Path dir = out != null ? out : Path.of("runs", resolved.name() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            run = TrainingRun.start(resolved, dir, context);
        }
        Progress progress = Progress.forConsole(quiet);
        RunSummary s = run.execute(progress);
        progress.close();
        System.out.printf(Locale.ROOT, "test accuracy %.2f %%  validation %.2f %%  (%d epochs, %.4f s/epoch, %d parameters)%n",
                100 * s.testAccuracy(), 100 * s.validationAccuracy(), s.epochs(), s.secondsPerEpoch(), s.parameters());
        System.out.println("run folder: " + run.folder().dir());
        return 0;
    }
}
