package io.delaynet.cli.sweep;

import io.delaynet.cli.DataDirOption;
import io.delaynet.config.ConfigException;
import io.delaynet.io.AtomicFiles;
import io.delaynet.io.FolderLock;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunSummary;
import io.delaynet.run.sweep.LocalSweepRunner;
import io.delaynet.run.sweep.RunTask;
import io.delaynet.run.sweep.Sweep;
import io.delaynet.run.sweep.SweepFile;
import io.delaynet.run.sweep.SweepListener;
import io.delaynet.run.sweep.SweepPlot;
import io.delaynet.run.sweep.SweepRunner;
import io.delaynet.run.sweep.SweepRunnerFactory;
import io.delaynet.run.sweep.SweepTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code delaynet sweep FILE --out DIR}: trains every run of a sweep file, each in its own run
 * folder under DIR, then writes results.csv (every run: its axis labels, seed and every summary
 * field), summary.csv (mean and sd over seeds per setting), the file's plots and index.html.
 * Started again on the same folder it continues: finished runs are kept, interrupted ones resume
 * from their checkpoints, and the files come out as if nothing had stopped. The orchestration is
 * the core's ({@link Sweep}); this command chooses the runner and writes the files.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train every run of a sweep file (sweeps/*.yaml) and write results.csv, summary.csv, "
                + "the file's plots and index.html.",
                "Started again on the same --out folder it continues where it stopped.",
                "Example: delaynet sweep sweeps/smoke.yaml --out runs/smoke --parallel 2"},
        footer = {"", "The sweep file format is described in docs/sweeps.md; --spark in docs/spark.md."})
public final class SweepRunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The sweep file.")
    Path file;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Sweep folder (one run folder per run).")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Runs trained at the same time in this process, each with its own training.threads "
                    + "(default: ${DEFAULT-VALUE}); the results do not depend on it.")
    int parallel;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the runs as Spark tasks on MASTER (local[2], spark://host:7077, yarn); needs the "
                    + "delaynet-spark jar (docs/spark.md). The results equal a local sweep's.")
    String spark;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws IOException {
        if (parallel < 1) {
            throw new ConfigException("--parallel must be at least 1, got " + parallel);
        }
        SweepFile sweepFile = SweepFile.read(file);
        Sweep sweep = sweepFile.sweep(out);
        RunContext context = new RunContext(data.resolve());
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new ConfigException("cannot create sweep folder " + out + " (" + e.getMessage()
                    + "); choose a writable --out folder");
        }
        try (FolderLock lock = FolderLock.acquire(out, "delaynet sweep"); SweepRunner runner = runner(context)) {
            AtomicFiles.writeString(out.resolve("sweep.yaml"), Files.readString(file));
            int total = sweep.points().size();
            SweepTable table = sweep.run(runner, new SweepListener() {
                private int done;

                @Override
                public void started(int point, RunTask task) {
                    System.out.printf(Locale.ROOT, "start %s%n", sweep.points().get(point).folder().getFileName());
                }

                @Override
                public void finished(int point, RunSummary s) {
                    System.out.printf(Locale.ROOT, "[%d/%d] %s  test %.2f %%  (%d epochs, %d parameters)%n", ++done,
                            total, sweep.points().get(point).folder().getFileName(), 100 * s.testAccuracy(), s.epochs(),
                            s.parameters());
                }
            });
            write(sweepFile, table);
        }
        return 0;
    }

    private SweepRunner runner(RunContext context) {
        if (spark == null) {
            return new LocalSweepRunner(parallel, context);
        }
        SweepRunnerFactory factory = SweepRunnerFactory.find("spark").orElseThrow(() -> new ConfigException(
                "--spark needs the delaynet-spark module, which is not on the class path; run the shaded "
                        + "delaynet-spark jar (docs/spark.md), or leave out --spark to run locally"));
        return factory.open(spark, context);
    }

    private void write(SweepFile sweepFile, SweepTable table) throws IOException {
        List<SweepGroups.Group> groups = SweepGroups.of(table);
        table.write(out.resolve("results.csv"));
        AtomicFiles.writeString(out.resolve("summary.csv"), SweepSummary.csv(table.axes(), groups));
        for (SweepPlot p : sweepFile.plots()) {
            SweepPlotWriter.write(p, groups, out.resolve(p.name() + ".png"));
        }
        AtomicFiles.writeString(out.resolve("index.html"), SweepIndex.html(sweepFile, table, groups));
        System.out.print(SweepSummary.csv(table.axes(), groups));
        System.out.println("wrote " + out.resolve("results.csv") + ", " + out.resolve("summary.csv") + ", "
                + out.resolve("index.html") + (sweepFile.plots().isEmpty() ? "" : " and " + sweepFile.plots().size()
                + " plot(s)"));
    }
}
