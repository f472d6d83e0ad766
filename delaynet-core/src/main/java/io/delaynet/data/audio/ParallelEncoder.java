package io.delaynet.data.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encodes many recordings on several threads. Each recording is encoded independently and its
 * result stored at its own index, so the output is the same list, in the input order, whatever
 * the thread count. Threads take the next recording from a shared counter, which balances the
 * load when recordings differ in length (FSDD's range from 0.14 s to 2.3 s).
 */
public final class ParallelEncoder {
    private final CochleaEncoder encoder;
    private final int threads;

    public ParallelEncoder(CochleaEncoder encoder, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.encoder = encoder;
        this.threads = threads;
    }

    /** Reads and encodes every recording; WAV errors are rethrown as they are, on the calling thread. */
    public List<SpikeSample> encode(List<FsddRecording> recordings, ProgressListener progress) {
        int total = recordings.size();
        SpikeSample[] results = new SpikeSample[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                FsddRecording r = recordings.get(i);
                AudioClip clip = WavReader.read(r.file(), encoder.settings().sampleRate());
                results[i] = new SpikeSample(r.id(), r.digit(), r.speaker(), encoder.encode(clip));
                int finished = done.incrementAndGet();
                synchronized (progress) {
                    progress.progress(finished, total);
                }
            }
        };
        int workers = Math.min(threads, Math.max(1, total));
        if (workers == 1) {
            worker.run();
            return List.of(results);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                await(f, next, total);
            }
        }
        return List.of(results);
    }

    private static void await(Future<?> f, AtomicInteger next, int total) {
        try {
            f.get();
        } catch (ExecutionException e) {
            next.set(total); // tells the other workers to stop after their current recording
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next.set(total);
            throw new IllegalStateException("interrupted while encoding", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return Thread.ofPlatform().name("cochlea-", 0).daemon(true).factory();
    }
}
