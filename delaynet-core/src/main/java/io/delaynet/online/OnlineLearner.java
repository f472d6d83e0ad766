package io.delaynet.online;

import io.delaynet.stepped.SampleSource;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Split;
import io.delaynet.train.StreamingLearner;
import java.util.List;

/**
 * The three-factor rule as a {@link StreamingLearner}: a sample is one sequence, simulated forward
 * once, its gradient estimate summed step by step into the workspace; the trainer applies it at
 * the end of the sequence (per sample or per batch) or every k steps inside it. In a stream
 * ({@code online.stream}) a sample is the next segment of one long input instead, and the
 * simulation is never reset between them.
 */
public final class OnlineLearner implements StreamingLearner<OnlineWorkspace> {
    private final OnlineNetwork network;
    private final SampleSource samples;
    private final boolean stream;

    public OnlineLearner(OnlineNetwork network, SampleSource samples) {
        this(network, samples, false);
    }

    /**
     * @param stream true: the training recordings, in the order the trainer hands them over, are
     *               one unsegmented input; each carries on from the state the previous one left
     *               (online.stream). Evaluation always starts every recording from rest, and it
     *               ends the stream (the trainer's validation after an epoch: the next epoch's
     *               stream starts from rest).
     */
    public OnlineLearner(OnlineNetwork network, SampleSource samples, boolean stream) {
        if (network.inputSize() != samples.inputSize() || network.outputSize() != samples.classes()) {
            throw new IllegalArgumentException("network is " + network.inputSize() + " -> " + network.outputSize()
                    + " but the data has " + samples.inputSize() + " inputs and " + samples.classes() + " classes");
        }
        this.network = network;
        this.samples = samples;
        this.stream = stream;
    }

    public OnlineNetwork network() {
        return network;
    }

    public SampleSource samples() {
        return samples;
    }

    @Override
    public List<ParameterGroup> parameters() {
        return network.network().parameters();
    }

    @Override
    public long workspaceBytes() {
        return network.workspaceBytes();
    }

    @Override
    public OnlineWorkspace newWorkspace() {
        return network.newWorkspace();
    }

    @Override
    public int size(Split split) {
        return samples.size(split);
    }

    @Override
    public SampleResult learn(int index, OnlineWorkspace ws, int updateEvery, UpdateHook hook) {
        samples.encode(Split.TRAIN, index, ws.input);
        SampleResult r = network.run(ws.input, samples.label(Split.TRAIN, index), ws, true, updateEvery, hook,
                stream && ws.inStream);
        ws.inStream = stream;
        return r;
    }

    /** As {@link #learn} with one update at the end, for a sample of any split (inspection). */
    public SampleResult sampleGradient(Split split, int index, OnlineWorkspace ws) {
        samples.encode(split, index, ws.input);
        ws.inStream = false;
        return network.run(ws.input, samples.label(split, index), ws, true, Integer.MAX_VALUE, UpdateHook.NONE);
    }

    @Override
    public SampleResult evaluate(Split split, int index, OnlineWorkspace ws) {
        samples.encode(split, index, ws.input);
        // an evaluation on this workspace ends a stream: the next training recording starts from rest
        ws.inStream = false;
        return network.run(ws.input, samples.label(split, index), ws, false, Integer.MAX_VALUE, UpdateHook.NONE);
    }

    /** Delays are clamped to their bounds and the tap tables re-read after every optimizer step. */
    @Override
    public void afterStep() {
        network.network().clampDelays();
        network.refresh();
    }
}
