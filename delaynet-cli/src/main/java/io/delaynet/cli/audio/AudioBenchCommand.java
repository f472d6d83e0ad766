package io.delaynet.cli.audio;

import io.delaynet.data.DataDirectory;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code delaynet bench audio}: how long the front end takes for the whole spoken-digit set, and how
 * that compares with slower ways of doing the same work, measured in the same run. Recordings are
 * read into memory first, so the figures are encoding time, not disk time.
 */
@Command(name = "audio", mixinStandardHelpOptions = true,
        description = {"Time encoding of all FSDD recordings (1 thread and all threads) and print speed-up ratios",
                "against the scalar kernel and a direct-convolution filterbank, measured in the same run."})
public final class AudioBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding fsdd/recordings (default: $DELAYNET_DATA, else ../shared/data).")
    Path dataDir;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the parallel run (default: all cores).")
    Integer threads;

    @Option(names = "--direct-sample", paramLabel = "N", defaultValue = "40",
            description = "Recordings for the slow direct-convolution comparison (default: ${DEFAULT-VALUE}).")
    int directSample;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return UserErrors.run(spec.commandLine().getErr(), () -> {
            int parallel = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
            List<FsddRecording> recordings = FsddDataset.inDataRoot(DataDirectory.resolve(Optional.ofNullable(dataDir)))
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

            encodeAll(encoder, clips.subList(0, Math.min(300, clips.size())), 1); // JIT warm-up
            Timed single = time(() -> encodeAll(encoder, clips, 1));
            Timed many = time(() -> encodeAll(encoder, clips, parallel));
            out.printf(Locale.ROOT, "encode all, 1 thread:   %6.2f s (%d spikes)%n", single.seconds, single.spikes);
            out.printf(Locale.ROOT, "encode all, %d threads:  %6.2f s (%d spikes)%n", parallel, many.seconds, many.spikes);
            out.printf(Locale.ROOT, "ratio 1 thread / %d threads: %.2fx%n", parallel, single.seconds / many.seconds);
            out.flush();

            if (fastest == KernelKind.VECTOR) {
                CochleaEncoder scalar = new CochleaEncoder(settings, KernelKind.SCALAR);
                encodeAll(scalar, clips.subList(0, Math.min(300, clips.size())), 1);
                Timed plain = time(() -> encodeAll(scalar, clips, 1));
                out.printf(Locale.ROOT, "encode all, 1 thread, scalar kernel: %6.2f s%n", plain.seconds);
                out.printf(Locale.ROOT, "ratio scalar / vector kernel (1 thread): %.2fx%n", plain.seconds / single.seconds);
                out.flush();
            }

            List<AudioClip> few = clips.subList(0, Math.min(directSample, clips.size()));
            GammatoneFilterbank bank = GammatoneFilterbank.of(settings, fastest);
            DirectGammatone direct = new DirectGammatone(bank);
            filterAll(few, bank::filter);
            double recursive = time(() -> filterAll(few, bank::filter)).seconds;
            double convolution = time(() -> filterAll(few, direct::filter)).seconds;
            out.printf(Locale.ROOT, "filterbank only, %d recordings: recursive %.3f s, direct convolution %.3f s%n",
                    few.size(), recursive, convolution);
            out.printf(Locale.ROOT, "ratio direct convolution / recursive filterbank: %.1fx%n", convolution / recursive);
            out.flush();
            return 0;
        });
    }

    private record Timed(double seconds, long spikes) {
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

    private static long filterAll(List<AudioClip> clips, java.util.function.Function<AudioClip, float[][]> filter) {
        long checksum = 0;
        for (AudioClip clip : clips) {
            checksum += filter.apply(clip).length; // keeps the work observable so it cannot be optimised away
        }
        return checksum;
    }
}
