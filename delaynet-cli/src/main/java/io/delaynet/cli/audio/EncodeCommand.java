package io.delaynet.cli.audio;

import io.delaynet.cli.plot.ClassActivityPlot;
import io.delaynet.cli.plot.RasterPlot;
import io.delaynet.data.DataFormatException;
import io.delaynet.data.audio.CochleaSettings;
import io.delaynet.data.audio.EncodedDataset;
import io.delaynet.data.audio.FsddDataset;
import io.delaynet.data.audio.SpikeSample;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code delaynet audio encode}: encode (or load from the cache) the whole set, plot it, summarise it. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Encode every FSDD recording into spikes (cached), write a raster of one recording and",
                "the mean activity per digit as PNG files, and print a summary."})
public final class EncodeCommand implements Callable<Integer> {
    static final double PLOT_BIN_SECONDS = 0.05;
    static final int PLOT_BINS = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    FsddOptions fsdd;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/audio",
            description = "Folder for the plots (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--raster", paramLabel = "ID", defaultValue = "0_george_0",
            description = "Recording to draw as a raster, by file name without .wav (default: ${DEFAULT-VALUE}).")
    String rasterId;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        fsdd.validate();
        FsddDataset dataset = fsdd.dataset();
        long start = System.nanoTime();
        EncodedDataset encoded = fsdd.encode(dataset, err);
        double seconds = (System.nanoTime() - start) / 1e9;
        SpikeSample raster = encoded.samples().stream().filter(s -> s.id().equals(rasterId)).findFirst()
                .orElseThrow(() -> new DataFormatException("no recording named " + rasterId + " in " + dataset.directory(),
                        "pass --raster with a file name from that folder, without .wav"));
        String axis = channelAxis(encoded.settings());
        Path rasterPng = RasterPlot.write(raster, axis, out.resolve("raster-" + rasterId + ".png"));
        Path activityPng = ClassActivityPlot.write(encoded.samples(), FsddDataset.CLASSES, PLOT_BIN_SECONDS, PLOT_BINS,
                axis, out.resolve("class-activity.png"));
        printSummary(stdout, dataset, encoded, seconds, List.of(rasterPng, activityPng));
        return 0;
    }

    static String channelAxis(CochleaSettings s) {
        return String.format(Locale.ROOT, "channel (%.0f Hz to %.0f Hz)", s.lowHz(), s.highHz());
    }

    private void printSummary(PrintWriter o, FsddDataset dataset, EncodedDataset encoded, double seconds, List<Path> plots) {
        CochleaSettings s = encoded.settings();
        long spikes = 0;
        double audioSeconds = 0;
        for (SpikeSample sample : encoded.samples()) {
            spikes += sample.events().size();
            audioSeconds += sample.events().duration();
        }
        int n = encoded.samples().size();
        int threads = fsdd.threadCount();
        String onThreads = "encoded on " + threads + (threads == 1 ? " thread" : " threads");
        String how = switch (encoded.origin()) {
            case CACHE -> "read from cache";
            case ENCODED -> onThreads + ", cached";
            case REBUILT -> onThreads + ", damaged cache replaced";
        };
        o.printf(Locale.ROOT, "recordings: %d from %s (%d speakers, %.1f s of audio)%n", n, dataset.directory(),
                dataset.speakers().size(), audioSeconds);
        o.printf(Locale.ROOT, "front end:  %d gammatone channels %.0f-%.0f Hz (ERB-spaced), half-wave rectified, %s,"
                        + " LIF tau %.1f ms, refractory %.1f ms, gain %.1f%n", s.channels(), s.lowHz(), s.highHz(),
                s.compression().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1000 * s.tauMembrane(),
                1000 * s.refractory(), s.gain());
        o.printf(Locale.ROOT, "spikes:     %d in total, %.0f per recording, %.1f per channel per second%n", spikes,
                spikes / (double) n, spikes / audioSeconds / s.channels());
        o.printf(Locale.ROOT, "time:       %.2f s (%s)%n", seconds, how);
        o.printf("cache:      %s%n", encoded.cacheFile());
        for (Path p : plots) {
            o.printf("plot:       %s%n", p);
        }
        o.flush();
    }
}
