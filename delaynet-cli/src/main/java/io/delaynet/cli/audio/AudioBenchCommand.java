package io.delaynet.cli.audio;

import io.delaynet.cli.DataDirOption;
import io.delaynet.data.audio.AudioClip;
import io.delaynet.data.audio.CochleaEncoder;
import io.delaynet.data.audio.CochleaSettings;
import io.delaynet.data.audio.DirectGammatone;
import io.delaynet.data.audio.FsddDataset;
import io.delaynet.data.audio.FsddRecording;
import io.delaynet.data.audio.GammatoneFilterbank;
import io.delaynet.data.audio.KernelKind;
import io.delaynet.data.audio.SpikeEvents;
import io.delaynet.data.audio.WavReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code delaynet bench audio}: how long the front end takes for the whole spoken-digit set, and how
 * that compares with slower ways of doing the same work, measured in the same run. Recordings are
 * read into memory first, so the figures are encoding time, not disk time.
 */
@Command(name = "audio", mixinStandardHelpOptions = true,
        description = {"Time encoding of all FSDD recordings (1 thread and all threads) and print speed-up ratios",
                "against the scalar kernel and a direct-convolution filterbank, measured in the same run.",
                "Each time is the best of --repeat runs."})
public final class AudioBenchCommand implements Callable<Integer> {
    /** Recordings for the warm-up and the kernel comparisons. */
    private static final int SUBSET = 500;

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the parallel run (default: all cores).")
    Integer threads;

    @Option(names = "--direct-sample", paramLabel = "N", defaultValue = "40",
            description = "Recordings for the slow direct-convolution comparison (default: ${DEFAULT-VALUE}).")
    int directSample;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Runs per measurement; the fastest counts (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        if (threads != null && threads < 1 || repeat < 1 || directSample < 1) {
            throw new io.delaynet.config.ConfigException("--threads, --repeat and --direct-sample must be at least 1, got "
                    + threads + ", " + repeat + " and " + directSample);
        }
        PrintWriter out = spec.commandLine().getOut();
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<FsddRecording> recordings = FsddDataset.inDataRoot(data.require())
                .recordings();
        List<AudioClip> clips = recordings.stream().map(r -> WavReader.read(r.file(), FsddDataset.SAMPLE_RATE)).toList();
        CochleaSettings settings = CochleaSettings.DEFAULT;
        KernelKind fastest = KernelKind.fastestAvailable();
        CochleaEncoder encoder = new CochleaEncoder(settings, fastest);
        long audioSamples = clips.stream().mapToLong(AudioClip::length).sum();
        out.printf(Locale.ROOT, "%d recordings, %.1f s of audio, %d channels, %s kernel, %d cores%n", clips.size(),
                audioSamples / (double) FsddDataset.SAMPLE_RATE, settings.channels(), fastest,
                Runtime.getRuntime().availableProcessors());
        out.flush();

        List<AudioClip> subset = clips.subList(0, Math.min(SUBSET, clips.size()));
        encodeAll(encoder, subset, 1); // JIT warm-up
        Timed single = best(() -> encodeAll(encoder, clips, 1));
        Timed many = best(() -> encodeAll(encoder, clips, parallel));
        out.printf(Locale.ROOT, "encode all, 1 thread:   %6.2f s (%d spikes)%n", single.seconds, single.spikes);
        out.printf(Locale.ROOT, "encode all, %d threads:  %6.2f s (%d spikes)%n", parallel, many.seconds, many.spikes);
        out.printf(Locale.ROOT, "ratio 1 thread / %d threads: %.2fx%n", parallel, single.seconds / many.seconds);
        out.flush();

        if (fastest == KernelKind.VECTOR) {
            CochleaEncoder scalar = new CochleaEncoder(settings, KernelKind.SCALAR);
            encodeAll(scalar, subset, 1);
            double plain = best(() -> encodeAll(scalar, subset, 1)).seconds;
            double vector = best(() -> encodeAll(encoder, subset, 1)).seconds;
            out.printf(Locale.ROOT, "encode %d recordings, 1 thread: scalar kernel %.2f s, vector kernel %.2f s%n",
                    subset.size(), plain, vector);
            out.printf(Locale.ROOT, "ratio scalar / vector kernel: %.2fx%n", plain / vector);
            out.flush();
        }

        // The direct convolution is ~100x slower, so it runs on fewer recordings; compared per second of audio.
        List<AudioClip> few = clips.subList(0, Math.min(directSample, clips.size()));
        GammatoneFilterbank bank = GammatoneFilterbank.of(settings, fastest);
        DirectGammatone direct = new DirectGammatone(bank);
        filterAll(subset, bank::filter);
        filterAll(few.subList(0, Math.min(2, few.size())), direct::filter);
        double recursive = best(() -> filterAll(subset, bank::filter)).seconds / audioSeconds(subset);
        double convolution = time(() -> filterAll(few, direct::filter)).seconds / audioSeconds(few);
        out.printf(Locale.ROOT, "filterbank only, per second of audio: recursive %.2f ms (%d recordings),"
                + " direct convolution %.1f ms (%d recordings)%n", 1000 * recursive, subset.size(), 1000 * convolution,
                few.size());
        out.printf(Locale.ROOT, "ratio direct convolution / recursive filterbank: %.1fx%n", convolution / recursive);
        out.flush();
        return 0;
    }

    private record Timed(double seconds, long spikes) {
    }

    /** The fastest of {@code repeat} runs: other processes on a shared machine only ever add time. */
    private Timed best(Callable<Long> work) throws Exception {
        Timed best = time(work);
        for (int i = 1; i < repeat; i++) {
            Timed t = time(work);
            best = t.seconds < best.seconds ? t : best;
        }
        return best;
    }

    private static Timed time(Callable<Long> work) throws Exception {
        long start = System.nanoTime();
        long spikes = work.call();
        return new Timed((System.nanoTime() - start) / 1e9, spikes);
    }

    /** Encodes every clip on {@code threads} threads (next clip from a shared counter); returns the spike count. */
    private static long encodeAll(CochleaEncoder encoder, List<AudioClip> clips, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Callable<Long> worker = () -> {
            long spikes = 0;
            for (int i = next.getAndIncrement(); i < clips.size(); i = next.getAndIncrement()) {
                SpikeEvents e = encoder.encode(clips.get(i));
                spikes += e.size();
            }
            return spikes;
        };
        if (threads == 1) {
            return worker.call();
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> futures = pool.invokeAll(java.util.Collections.nCopies(threads, worker));
            long spikes = 0;
            for (Future<Long> f : futures) {
                spikes += f.get();
            }
            return spikes;
        }
    }

    private static double audioSeconds(List<AudioClip> clips) {
        return clips.stream().mapToDouble(AudioClip::duration).sum();
    }

    private static long filterAll(List<AudioClip> clips, java.util.function.Function<AudioClip, float[][]> filter) {
        long checksum = 0;
        for (AudioClip clip : clips) {
            checksum += filter.apply(clip).length; // keeps the work observable so it cannot be optimised away
        }
        return checksum;
    }
}
