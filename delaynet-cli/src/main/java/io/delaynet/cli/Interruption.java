package io.delaynet.cli;

import io.delaynet.train.TrainingListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (or a plain kill) during training into a clean stop. The JVM runs shutdown hooks
 * while the training thread keeps going, so the hook only asks for a stop and waits: the training
 * thread notices at its next batch, abandons the unfinished epoch (the folder keeps the checkpoint
 * of the last finished one, written atomically), prints how to resume, and releases the hook,
 * after which the JVM exits. Nothing is half-written, because no file is being written at a batch
 * boundary.
 */
final class Interruption implements TrainingListener, AutoCloseable {
    /** How long the hook waits for the training thread before letting the JVM exit regardless. */
    private static final long GRACE_SECONDS = 60;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread hook;

    private Interruption() {
        hook = new Thread(this::stopAndWait, "delaynet-interrupt");
    }

    /** Starts listening for Ctrl-C; {@link #close()} stops listening. */
    static Interruption install() {
        Interruption i = new Interruption();
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** Thrown on the training thread to abandon the unfinished epoch. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("training stopped by request", null, false, false);
        }
    }

    boolean requested() {
        return requested.get();
    }

    @Override
    public void batchDone(int epoch, int batch, int batches, int samplesDone, double runningLoss, double runningAccuracy) {
        if (requested.get()) {
            throw new Stopped();
        }
    }

    private void stopAndWait() {
        requested.set(true);
        try {
            released.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a waiting hook go and, unless the JVM is already shutting down, unregisters it. */
    @Override
    public void close() {
        released.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns as soon as it sees the latch
        }
    }
}
