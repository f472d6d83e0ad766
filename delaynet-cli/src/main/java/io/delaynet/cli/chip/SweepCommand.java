package io.delaynet.cli.chip;

import io.delaynet.config.ConfigException;
import io.delaynet.io.AtomicFiles;
import io.delaynet.io.Json;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunFolder;
import io.delaynet.run.TrainingRun;
import io.delaynet.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code delaynet chip sweep}: trains every configuration at every noise scale with every seed,
 * one run after another, and writes sweep.csv (one row per run), sweep-summary.csv (mean and sd
 * over seeds) and accuracy-vs-noise.png (with a single noise scale also accuracy-by-config.png, the
 * configurations side by side). Each run keeps its own folder; a sweep started again in
 * the same folder skips finished runs, resumes an interrupted one, and extends finished runs to a
 * larger --epochs (from their checkpoints, with the numbers of an uninterrupted run).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train delgrad-chip configurations at several chip noise scales and seeds;",
                "write a CSV and a PNG plot of test accuracy against noise scale.",
                "Example: delaynet chip sweep -c examples/yinyang-chip-weights-only.yaml "
                        + "-c examples/yinyang-chip-axonal.yaml --noise 0,1,2,4 --seeds 1,2,3 --epochs 60 --out runs/chip-sweep"})
public final class SweepCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "A delgrad-chip configuration (repeatable).")
    List<Path> configs;

    @Option(names = "--noise", split = ",", paramLabel = "SCALES", defaultValue = "0,1,2,4",
            description = "Values of backend.noise_scale (default: ${DEFAULT-VALUE}).")
    List<Double> noise;

    @Option(names = "--seeds", split = ",", paramLabel = "SEEDS", defaultValue = "1,2,3",
            description = "Training seeds; each run also uses its seed as the chip instance (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--epochs", paramLabel = "N", description = "Override training.epochs of every run.")
    Integer epochs;

    @Option(names = "--threads", paramLabel = "T", description = "Override training.threads of every run.")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any config key of every run (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Sweep folder.")
    Path out;

    @Override
    public Integer call() throws IOException {
        for (double n : noise) {
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw new ConfigException("--noise values must be finite numbers >= 0, got " + n);
            }
        }
        Files.createDirectories(out);
        List<SweepResult> results = new ArrayList<>();
        int total = configs.size() * noise.size() * seeds.size();
        int done = 0;
        for (Path config : configs) {
            for (double scale : noise) {
                for (long seed : seeds) {
                    results.add(runOne(config, scale, seed));
                    done++;
                    SweepResult r = results.get(results.size() - 1);
                    System.out.printf(Locale.ROOT, "[%d/%d] %s  noise %s  seed %d  test %.2f %%  (%d epochs)%n", done,
                            total, r.config(), scale, seed, 100 * r.testAccuracy(), r.epochs());
                }
            }
        }
        SweepTable table = new SweepTable(results);
        AtomicFiles.writeString(out.resolve("sweep.csv"), table.runsCsv());
        AtomicFiles.writeString(out.resolve("sweep-summary.csv"), table.summaryCsv());
        Path png = out.resolve("accuracy-vs-noise.png");
        AccuracyNoisePlot.write(table.accuracies(), results.isEmpty() ? "" : results.get(0).epochs() + " epochs", png);
        String plots = png.toString();
        if (noise.size() == 1 && !results.isEmpty()) { // one noise scale: the configurations side by side
            Path bars = out.resolve("accuracy-by-config.png");
            Map<String, List<Double>> byConfig = new LinkedHashMap<>();
            table.accuracies().forEach((c, byNoise) -> byConfig.put(c, byNoise.firstEntry().getValue()));
            AccuracyByConfigPlot.write(byConfig, results.get(0).epochs() + " epochs, noise scale " + noise.get(0), bars);
            plots += ", " + bars;
        }
        System.out.print(table.summaryCsv());
        System.out.println("wrote " + out.resolve("sweep.csv") + ", " + out.resolve("sweep-summary.csv") + ", " + plots);
        return 0;
    }

    private SweepResult runOne(Path config, double scale, long seed) throws IOException {
        List<String> all = new ArrayList<>(overrides);
        all.add("backend.noise_scale=" + scale);
        all.add("training.seed=" + seed);
        all.add("backend.chip_seed=" + seed);
        if (epochs != null) {
            all.add("training.epochs=" + epochs);
        }
        if (threads != null) {
            all.add("training.threads=" + threads);
        }
        ResolvedConfig resolved = ResolvedConfig.resolve(config, all);
        if (!"delgrad-chip".equals(resolved.method().name())) {
            throw new ConfigException(config + " uses method " + resolved.method().name()
                    + "; a chip sweep needs delgrad-chip configurations");
        }
        Path dir = out.resolve(String.format(Locale.ROOT, "%s-noise%s-seed%d", resolved.name(), scale, seed));
        RunFolder folder = new RunFolder(dir);
        RunContext context = new RunContext(null);
        int target = resolved.tree().get("training").get("epochs").asInt();
        if (Files.isRegularFile(folder.summary())) {
            int done = Json.parse(Files.readString(folder.summary())).get("epochs").asInt();
            if (done > target) {
                throw new ConfigException(dir + " already holds a run of " + done + " epochs, more than the "
                        + target + " asked for; choose another --out folder");
            }
            if (done < target) { // extend: continues from the checkpoint exactly as an uninterrupted run would
                TrainingRun.resume(dir, all, context).execute(TrainingListener.NONE);
            }
        } else {
            TrainingRun run = Files.isRegularFile(folder.checkpoint()) ? TrainingRun.resume(dir, all, context)
                    : TrainingRun.start(resolved, dir, context);
            run.execute(TrainingListener.NONE);
        }
        JsonNode s = Json.parse(Files.readString(folder.summary()));
        return new SweepResult(resolved.name(), scale, seed, s.get("epochs").asInt(), s.get("test_accuracy").asDouble(),
                s.get("validation_accuracy").asDouble(), s.get("train_accuracy").asDouble(),
                s.get("final_epoch_test_accuracy").asDouble(), s.get("selected_epoch").asInt(),
                s.get("seconds_per_epoch").asDouble(), dir.getFileName().toString());
    }
}
