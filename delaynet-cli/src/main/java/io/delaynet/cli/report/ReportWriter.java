package io.delaynet.cli.report;

import io.delaynet.config.ConfigException;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.io.AtomicFiles;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunRecord;
import io.delaynet.run.TrainedModel;
import io.delaynet.train.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * Draws a run's plots into plots/ and writes index.html, for a finished run or an interrupted one
 * (then from its last checkpoint). Parts that cannot be drawn, because the data to rebuild the
 * network is missing or the method offers no such view, are left out with a note.
 */
public final class ReportWriter {

    /**
     * @param index    the written index.html
     * @param warnings the report's warnings, for the terminal as well
     */
    public record Result(Path index, List<String> warnings) {
    }

    private final RunRecord run;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> written = new HashSet<>();

    private ReportWriter(RunRecord run) {
        this.run = run;
    }

    /**
     * @param split   the split whose first samples get spike rasters
     * @param samples how many rasters to draw
     */
    public static Result write(RunRecord run, RunContext context, Split split, int samples) {
        return new ReportWriter(run).write(context, split, samples);
    }

    private Result write(RunContext context, Split split, int samples) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // plots are drawn off screen, also where a display exists
        }
        if (!run.finished()) {
            warnings.add("The run is unfinished: " + run.history().size() + " of " + run.plannedEpochs()
                    + " epochs are done. Continue it with: delaynet train --resume " + run.folder().dir());
        }
        try {
            Files.createDirectories(run.folder().plots());
            List<Figure> curves = curves();
            List<DelayDistribution> delays = new ArrayList<>();
            List<Figure> delayPlots = new ArrayList<>();
            List<Figure> spikes = new ArrayList<>();
            TrainedModel model = model(context);
            if (model != null) {
                delays.addAll(model.experiment().delays());
                for (DelayDistribution d : delays) {
                    d.warning().ifPresent(warnings::add);
                    delayPlots.add(plot("delays-" + d.name().replace(".delays", "").replaceAll("[^A-Za-z0-9_-]", "_"),
                            DelayHistogramPlot.of(d), d.name() + ": " + d.description() + "; lines mark the allowed range",
                            d.crowdedAtBounds()));
                }
                spikes.addAll(rasters(model, split, samples));
            }
            removeStalePlots();
            ReportContent content = new ReportContent(curves, delays, delayPlots, split.label(), spikes, warnings, notes);
            AtomicFiles.writeString(run.folder().report(), ReportPage.render(run, content));
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException("cannot write the report into " + run.folder().dir() + " (" + message(e)
                    + "); check free space and permissions");
        }
        return new Result(run.folder().report(), List.copyOf(warnings));
    }

    private List<Figure> curves() {
        if (run.history().isEmpty()) {
            return List.of();
        }
        int selected = run.finished() ? run.summary().selectedEpoch() : 0;
        double test = run.finished() ? run.summary().testAccuracy() : Double.NaN;
        return List.of(
                plot("loss", LearningCurvePlots.loss(run.history(), selected),
                        "Mean loss per epoch; the vertical line marks the epoch whose parameters the run kept", false),
                plot("accuracy", LearningCurvePlots.accuracy(run.history(), selected, test),
                        "Accuracy per epoch" + (Double.isFinite(test) ? "; the dashed line is the kept parameters' "
                                + "test accuracy" : ""), false));
    }

    /** The network with the run's latest parameters, or null (with a note) when it cannot be rebuilt. */
    private TrainedModel model(RunContext context) {
        if (run.parameters() == null) {
            notes.add("No epoch has finished, so there are no learned parameters to show yet.");
            return null;
        }
        try {
            return TrainedModel.of(run.parametersFile(), run.config(), run.parameters(), context);
        } catch (ConfigException e) {
            notes.add("Delay histograms and spike rasters are left out: the network could not be rebuilt ("
                    + e.getMessage() + ").");
            return null;
        }
    }

    private List<Figure> rasters(TrainedModel model, Split split, int samples) {
        int n = Math.min(samples, model.experiment().learner().size(split));
        int[] indices = new int[Math.max(0, n)];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        List<Figure> out = new ArrayList<>();
        for (SampleSpikes s : model.experiment().sampleSpikes(split, indices)) {
            out.add(plot(String.format(Locale.ROOT, "spikes-%s-%d", split.label(), s.sample()), SpikeRasterPlot.of(s),
                    "Every spike of " + split.label() + " sample " + s.sample() + ", one row per neuron, input at the bottom",
                    false));
        }
        return out;
    }

    private Figure plot(String name, IChart chart, String caption, boolean warning) {
        String file = name + ".png";
        byte[] png;
        try {
            png = Charts.png(chart);
        } catch (RuntimeException | LinkageError | java.awt.AWTError | InternalError e) {
            // Java2D without fonts or native libraries: the page still helps, so leave the plot out and say why
            notes.add("Plot " + file + " could not be drawn (" + e + "); install fonts (e.g. fonts-dejavu-core) "
                    + "and rebuild with: delaynet report " + run.folder().dir());
            return new Figure("plots/" + file, caption, warning);
        }
        try {
            AtomicFiles.write(run.folder().plots().resolve(file), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(file);
        return new Figure("plots/" + file, caption, warning);
    }

    /** Plots of an earlier report that this one did not draw (e.g. a layer that no longer exists). */
    private void removeStalePlots() throws IOException {
        try (var files = Files.list(run.folder().plots())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".png") && !written.contains(name)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getMessage();
    }
}
