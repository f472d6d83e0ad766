package io.delaynet.hardware;

import io.delaynet.model.NetworkDescription;

import java.util.List;

/**
 * A substrate that runs the forward pass of a feed-forward time-to-first-spike network: the
 * interface a neuromorphic-chip driver implements. It receives parameters and input spike times
 * and returns spike times only, never membrane potentials, because that is all DelGrad needs and
 * all that a chip records cheaply.
 *
 * <p>Threads: {@link #run} may be called concurrently from several threads; {@link #load} is
 * called between runs, never during one.
 */
public interface SpikingBackend {

    /** A short name for reports, e.g. "ideal" or "emulated". */
    String name();

    /**
     * Writes a network (weights, delays, neuron parameters) to the substrate, replacing the last one: a
     * feed-forward first-spike description in units of tau_s ({@link ChipNetwork}).
     */
    void load(NetworkDescription network);

    /**
     * Runs a batch of samples on the loaded network.
     *
     * @param inputs input spike times per sample (+inf for an input that does not spike)
     * @param trials one identifier per sample that names its trial-to-trial noise realisation;
     *               the same (network, input, trial) always gives the same times on an emulator,
     *               whatever the batch or thread. A physical chip may ignore it.
     * @return one record per sample, in order
     */
    List<SpikeRecord> run(double[][] inputs, long[] trials);

    /** One sample; a convenience for callers that work sample by sample. */
    default SpikeRecord run(double[] input, long trial) {
        return run(new double[][] {input}, new long[] {trial}).get(0);
    }
}
