package io.delaynet.cli;

import io.delaynet.cli.report.ReportWriter;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunRecord;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code delaynet report}: (re)builds the HTML report and plots of a run folder. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build (or rebuild) the report of a run: PNG plots in RUN_DIR/plots and RUN_DIR/index.html, "
                + "a page that opens offline in any browser.",
                "Works on finished runs and on interrupted ones (from their last checkpoint). 'delaynet train' "
                        + "writes the report itself when a run finishes."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "The folder of a run made by 'delaynet train'.")
    Path run;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "3",
            description = "Spike rasters to draw, for the first N samples of the split (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "Split of the rasters' samples: train, validation or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        if (samples < 0) {
            throw new io.delaynet.config.ConfigException("--samples must be 0 or more, got " + samples);
        }
        ReportWriter.Result result = ReportWriter.write(RunRecord.read(run), new RunContext(data.resolve()),
                EvalCommand.parseSplit(split), samples);
        for (String w : result.warnings()) {
            System.out.println("warning: " + w);
        }
        System.out.println("report: " + result.index());
        return 0;
    }
}
