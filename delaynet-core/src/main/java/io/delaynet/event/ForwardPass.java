package io.delaynet.event;

import io.delaynet.train.Split;

/**
 * Where a {@link DelGradLearner} gets a sample's spike times: computed exactly by the network it
 * trains, or run on a neuromorphic chip (or an emulator) and observed. DelGrad's gradients need
 * spike times only, so the rest of the learner (loss, silent-sample rule, backward pass, weight
 * bumping, clipping) is the same whichever way they are obtained.
 *
 * <p>Threads: {@link #learn} and {@link #evaluate} may run concurrently on different traces; the
 * other calls come between batches, on the trainer's thread.
 */
public interface ForwardPass {

    /**
     * The network whose backward pass turns the times that {@link #learn} leaves in a trace into
     * gradients: the trained network itself, or a model of it with the same parameter shapes, so
     * that the gradients apply to the trained parameters unchanged.
     */
    EventNetwork network();

    /**
     * A training run of training sample {@code sample}: leaves every layer's spike times in
     * {@code trace}, ready for {@link EventNetwork#backward} on {@link #network()}, and returns the
     * output times (a live view of the trace).
     */
    double[] learn(int sample, double[] input, EventTrace trace);

    /** An evaluation run of a sample of a split; returns its output times. {@code trace} is scratch. */
    double[] evaluate(Split split, int sample, double[] input, EventTrace trace);

    /** A training batch is done: called once per batch, before the optimizer step or the bumping that replaces it. */
    default void batchDone() {
    }

    /** The trained parameters changed (a step or weight bumping, after clipping and refreshing). */
    default void parametersChanged() {
    }
}
