package io.delaynet.cli.report;

import io.delaynet.config.ConfigException;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.io.AtomicFiles;
import io.delaynet.io.FolderLock;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunRecord;
import io.delaynet.run.TrainedModel;
import io.delaynet.train.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * Draws a run's plots into plots/ and writes index.html, for a finished run or an interrupted one
 * (then from its last checkpoint). The new plots are drawn beside the old ones and swapped in only
 * once all are drawn, so a report that fails (exit 2) leaves the previous report as it was. Parts that cannot be drawn, because the data to rebuild the
 * network is missing or the method offers no such view, are left out with a note.
 */
public final class ReportWriter {

    /**
     * @param index    the written index.html
     * @param warnings the report's warnings, for the terminal as well
     */
    public record Result(Path index, List<String> warnings) {
    }

    /** Grid points per side of the decision map: fine enough for Yin-Yang's small dots, 10,000 forward passes. */
    static final int MAP_RESOLUTION = 100;

    private final RunRecord run;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

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
        try (FolderLock lock = FolderLock.acquire(run.folder().dir(), "delaynet report")) {
            clear(staging());
            Files.createDirectories(staging());
            List<Figure> curves = curves();
            List<DelayDistribution> delays = new ArrayList<>();
            List<Figure> delayPlots = new ArrayList<>();
            List<Figure> spikes = new ArrayList<>();
            List<Figure> map = new ArrayList<>();
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
                model.experiment().decisionMap(MAP_RESOLUTION).ifPresent(m -> map.add(plot("decision-map",
                        () -> DecisionMapPlot.png(m), String.format(Locale.ROOT, "The plane coloured by the class the "
                                + "network predicts (%d x %d points), the test samples as dots of their true class, and "
                                + "its %d test errors as black crosses; exact spike times, without chip or input noise",
                                MAP_RESOLUTION, MAP_RESOLUTION, m.errors()), false)));
            }
            ReportContent content = new ReportContent(curves, delays, delayPlots, split.label(), spikes, map, warnings,
                    notes);
            String page = ReportPage.render(run, content);
            swapInPlots();
            AtomicFiles.writeString(run.folder().report(), page);
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException("cannot write the report into " + run.folder().dir() + " (" + message(e)
                    + "); check free space and permissions");
        } finally {
            try {
                clear(staging()); // whatever happened, no half-drawn plot folder stays behind
            } catch (IOException e) {
                // a leftover staging folder is cleared by the next report
            }
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
            TrainedModel model = TrainedModel.of(run.parametersFile(), run.config(), run.parameters(), context);
            model.experiment(); // built here, so that parameters which do not fit fail before any plot is drawn
            return model;
        } catch (ConfigException e) {
            // parameters that do not fit the saved configuration: a damaged file; the old report stays as it was
            throw new ConfigException("cannot build the report of " + run.folder().dir() + ", the existing report is "
                    + "left as it was: " + e.getMessage(), e);
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
        return plot(name, () -> Charts.png(chart), caption, warning);
    }

    private Figure plot(String name, java.util.function.Supplier<byte[]> drawing, String caption, boolean warning) {
        String file = name + ".png";
        byte[] png;
        try {
            png = drawing.get();
        } catch (RuntimeException | LinkageError | java.awt.AWTError | InternalError e) {
            // Java2D without fonts or native libraries: the page still helps, so leave the plot out and say why
            notes.add("Plot " + file + " could not be drawn (" + e + "); install fonts (e.g. fonts-dejavu-core) "
                    + "and rebuild with: delaynet report " + run.folder().dir());
            return new Figure("plots/" + file, caption, warning);
        }
        try {
            AtomicFiles.write(staging().resolve(file), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Figure("plots/" + file, caption, warning);
    }

    /** Where the new plots are drawn, beside the old ones, until every one of them is done. */
    private Path staging() {
        return run.folder().dir().resolve(".plots.new");
    }

    /**
     * Replaces plots/ by the freshly drawn folder: the old one is moved aside, the new one renamed
     * into place, then the old one deleted. Plots of an earlier report that this one did not draw
     * (e.g. of a layer that no longer exists) go with the old folder.
     */
    private void swapInPlots() throws IOException {
        Path plots = run.folder().plots();
        Path old = run.folder().dir().resolve(".plots.old");
        if (Files.exists(plots, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(plots)) {
            throw new IOException(plots + " is a file, not the plots folder");
        }
        clear(old);
        if (Files.exists(plots)) {
            Files.move(plots, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging(), plots, StandardCopyOption.ATOMIC_MOVE);
        clear(old);
    }

    /** Deletes a folder of plots (flat: plot files only) if it exists. */
    private static void clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getMessage();
    }
}
