package io.delaynet.event;

import io.delaynet.train.Split;

/** The forward pass computed exactly, event by event, by the network being trained. */
final class ExactForwardPass implements ForwardPass {
    private final EventNetwork network;

    ExactForwardPass(EventNetwork network) {
        this.network = network;
    }

    @Override
    public EventNetwork network() {
        return network;
    }

    @Override
    public double[] learn(int sample, double[] input, EventTrace trace) {
        return network.forward(input, trace);
    }

    @Override
    public double[] evaluate(Split split, int sample, double[] input, EventTrace trace) {
        return network.forward(input, trace);
    }
}
