package io.delaynet.cli.chip;

import io.delaynet.config.ConfigException;
import io.delaynet.io.AtomicFiles;
import io.delaynet.io.FolderLock;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunSummary;
import io.delaynet.run.sweep.ConfigText;
import io.delaynet.run.sweep.LocalSweepRunner;
import io.delaynet.run.sweep.Sweep;
import io.delaynet.run.sweep.SweepListener;
import io.delaynet.run.sweep.SweepPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code delaynet chip sweep}: trains every configuration at every noise scale with every seed and
 * writes sweep.csv (one row per run), sweep-summary.csv (mean and sd over seeds) and
 * accuracy-vs-noise.png (with a single noise scale also accuracy-by-config.png, the configurations
 * side by side). The command builds the points of a core {@link Sweep} from its flags and
 * prints; running them (each in its own folder; a sweep started again in the same folder keeps
 * finished runs, resumes interrupted ones and extends finished runs to a larger --epochs, with the
 * numbers of an uninterrupted run) is the core's.
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

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Runs trained at the same time, each with its own training.threads (default: ${DEFAULT-VALUE}); "
                    + "the results do not depend on it.")
    int parallel;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Sweep folder.")
    Path out;

    /** The noise axis's name in the core table. */
    private static final String NOISE = "noise_scale";

    @Override
    public Integer call() throws IOException {
        for (double n : noise) {
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw new ConfigException("--noise values must be finite numbers >= 0, got " + n);
            }
        }
        if (parallel < 1) {
            throw new ConfigException("--parallel must be at least 1, got " + parallel);
        }
        List<SweepPoint> points = new ArrayList<>();
        List<Double> scales = new ArrayList<>(); // each point's noise scale, as a number for the plot
        Map<String, Path> names = new HashMap<>();
        for (Path file : configs) {
            ConfigText config = ConfigText.of(file);
            Path other = names.putIfAbsent(config.name(), file);
            if (other != null) {
                throw new ConfigException(other + " and " + file + " are both named '" + config.name()
                        + "', so their runs would share folders; rename one of the files");
            }
            for (double scale : noise) {
                for (long seed : seeds) {
                    SweepPoint point = new SweepPoint(Map.of(NOISE, SweepTable.number(scale)), seed, config,
                            overrides(scale, seed), out.resolve(String.format(Locale.ROOT, "%s-noise%s-seed%d",
                                    config.name(), scale, seed)));
                    String method = point.task().resolve().method().name();
                    if (!"delgrad-chip".equals(method)) {
                        throw new ConfigException(file + " uses method " + method
                                + "; a chip sweep needs delgrad-chip configurations");
                    }
                    points.add(point);
                    scales.add(scale);
                }
            }
        }
        Sweep sweep = new Sweep(List.of(NOISE), points);
        if (Files.isRegularFile(out.resolve("config.yaml")) || Files.isRegularFile(out.resolve("model.json"))) {
            throw new ConfigException(out + " is the folder of a training run, not of a sweep; choose another --out folder");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ConfigException("output path " + out + " is a file; choose a folder for --out");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new ConfigException("cannot create sweep folder " + out + " (" + e.getMessage()
                    + "); choose a writable --out folder");
        }
        // one sweep at a time in a folder: two would train the same points and overwrite each other's tables
        try (FolderLock lock = FolderLock.acquire(out, "delaynet chip sweep")) {
            return run(sweep, points, scales);
        }
    }

    private int run(Sweep sweep, List<SweepPoint> points, List<Double> scales) throws IOException {
        io.delaynet.run.sweep.SweepTable table = sweep.run(new LocalSweepRunner(parallel, new RunContext(null)), new SweepListener() {
            private int done;

            @Override
            public void finished(int index, RunSummary s) {
                SweepPoint p = points.get(index);
                System.out.printf(Locale.ROOT, "[%d/%d] %s  noise %s  seed %d  test %.2f %%  (%d epochs)%n", ++done,
                        points.size(), p.config().name(), scales.get(index), p.seed(), 100 * s.testAccuracy(),
                        s.epochs());
            }
        });
        List<SweepResult> results = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            RunSummary s = table.rows().get(i).summary();
            results.add(new SweepResult(p.config().name(), scales.get(i), p.seed(), s.epochs(), s.testAccuracy(),
                    s.validationAccuracy(), s.trainAccuracy(), s.finalTestAccuracy(), s.selectedEpoch(),
                    s.secondsPerEpoch(), p.folder().getFileName().toString()));
        }
        SweepTable noiseTable = new SweepTable(results);
        AtomicFiles.writeString(out.resolve("sweep.csv"), noiseTable.runsCsv());
        AtomicFiles.writeString(out.resolve("sweep-summary.csv"), noiseTable.summaryCsv());
        Path png = out.resolve("accuracy-vs-noise.png");
        AccuracyNoisePlot.write(noiseTable.accuracies(), results.isEmpty() ? "" : results.get(0).epochs() + " epochs", png);
        String plots = png.toString();
        if (noise.size() == 1 && !results.isEmpty()) { // one noise scale: the configurations side by side
            Path bars = out.resolve("accuracy-by-config.png");
            Map<String, List<Double>> byConfig = new LinkedHashMap<>();
            noiseTable.accuracies().forEach((c, byNoise) -> byConfig.put(c, byNoise.firstEntry().getValue()));
            AccuracyByConfigPlot.write(byConfig, results.get(0).epochs() + " epochs, noise scale " + noise.get(0), bars);
            plots += ", " + bars;
        }
        System.out.print(noiseTable.summaryCsv());
        System.out.println("wrote " + out.resolve("sweep.csv") + ", " + out.resolve("sweep-summary.csv") + ", " + plots);
        return 0;
    }

    /** Every run's overrides: the user's, then the noise, the chip instance and the shortcuts (the seed comes last). */
    private List<String> overrides(double scale, long seed) {
        List<String> all = new ArrayList<>(overrides);
        all.add("backend.noise_scale=" + scale);
        all.add("backend.chip_seed=" + seed);
        if (epochs != null) {
            all.add("training.epochs=" + epochs);
        }
        if (threads != null) {
            all.add("training.threads=" + threads);
        }
        return all;
    }
}
