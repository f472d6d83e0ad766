package io.delaynet.train;

/**
 * A {@link Learner} that can have its parameters updated inside a sample, every k time steps: what
 * an online rule (eligibility traces, three-factor learning) needs. Selected by
 * {@code training.update.every: steps} with {@code training.update.steps: k}.
 *
 * <h2>The contract of {@link #learn(int, Learner.Workspace, int, UpdateHook)}</h2>
 * <ol>
 *   <li><b>When the hook is called.</b> The learner simulates the sample's time steps t = 0 .. T-1 in
 *       order. When step t is complete (its forward computation and every gradient contribution it
 *       makes), it calls {@code hook.update()} if {@code (t + 1) % k == 0} or {@code t == T - 1}, and
 *       at no other time: exactly {@code ceil(T / k)} calls per sample, the last one at the end of the
 *       sequence. {@code k} may exceed T (one call, at the end).</li>
 *   <li><b>What the optimizer receives.</b> Before each call, the learner has added to
 *       {@code workspace.gradients()} the gradient (or, for an online rule, the negative update
 *       direction) accumulated since the previous call or the start of the sample: a plain sum of
 *       the contributions of those steps, not divided by k or by the number of steps, exactly as the
 *       same contributions would be summed over the whole sample. The trainer divides it by nothing
 *       (it is one sample), so {@code k >= T} gives bit for bit the parameters of per-sample updates.
 *       Contributions of later steps must not be written before the call.</li>
 *   <li><b>What the hook does</b>, on the calling thread, before it returns: copies the trainable
 *       groups' gradients, calls {@link #beforeStep} with them, the workspace's counters and a batch
 *       size of 1; if that returns true, clips the gradient when {@code training.clip_grad_norm} is
 *       set, steps the optimizer with the current epoch's learning rates and calls
 *       {@link #afterStep}; then zeroes the workspace's gradients (trainable groups) and counters.
 *       It touches nothing else in the workspace: traces and simulation state carry on.</li>
 *   <li><b>Parameters.</b> They change only inside {@code hook.update()}. The learner may read them
 *       at any other time and must never write them; from the call's return on, step t + 1 uses the
 *       new values. Anything derived from the parameters (effective delays, rounded weights, caches)
 *       must be refreshed in {@code afterStep} or read again after the call.</li>
 *   <li><b>Threads.</b> In this mode the trainer runs the samples one after another on its own
 *       thread with one workspace, so the result does not depend on the thread count; the
 *       optimizer may still update large groups in parallel slices.</li>
 * </ol>
 * The returned {@link SampleResult} describes the whole sample as in {@link Learner#learn}.
 * {@link #evaluate} is unchanged: it never updates.
 *
 * @param <W> per-thread scratch space, as for {@link Learner}
 */
public interface StreamingLearner<W extends Learner.Workspace> extends Learner<W> {

    /** The trainer's side of an in-sample update; see the class comment for what it does. */
    @FunctionalInterface
    interface UpdateHook {
        void update();

        /** Does nothing: the gradient keeps accumulating over the whole sample. */
        UpdateHook NONE = () -> { };
    }

    /**
     * Trains on sample {@code index}, calling {@code hook.update()} after every {@code updateEvery}-th
     * time step and at the end of the sequence (see the class comment).
     *
     * @param updateEvery k &gt;= 1, time steps between updates
     */
    SampleResult learn(int index, W workspace, int updateEvery, UpdateHook hook);

    /**
     * The whole-sample gradient, for per-batch and per-sample updates: the in-sample updates with
     * a hook that does nothing.
     */
    @Override
    default SampleResult learn(int index, W workspace) {
        return learn(index, workspace, Integer.MAX_VALUE, UpdateHook.NONE);
    }
}
