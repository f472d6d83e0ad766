package io.delaynet.online;

import io.delaynet.config.ConfigBinder;
import io.delaynet.stepped.loss.SpikeLoss;
import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.StreamingLearner.UpdateHook;
import io.delaynet.util.RandomStreams;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speed and memory of online learning against BPTT on the same network in the same run (what
 * {@code delaynet bench online} prints): one thread, the network of a resolved configuration fed
 * with random spike trains of the configured width (no data set needed), each side timed after a
 * warm-up of the same size. Memory is the simulation state a worker holds plus its gradient
 * buffers, for sequences of T and of 10 T steps.
 */
public final class OnlineBenchmark {
    private OnlineBenchmark() {
    }

    /**
     * @param onlineMemoryBytesT   state and gradient buffers of one online worker for T steps
     * @param onlineMemoryBytes10T the same for 10 T steps
     */
    public record Result(int steps, int samples, double onlineSamplesPerS, double bpttSamplesPerS,
                         long onlineMemoryBytesT, long onlineMemoryBytes10T) {
    }

    /**
     * @param resolved the online method's configuration, defaults merged in
     * @param inputs   input neurons (64 for the FSDD examples)
     * @param classes  read-out neurons
     * @param rate     probability of an input spike per neuron and step
     */
    public static Result run(ObjectNode resolved, int inputs, int classes, int steps, int samples, double rate) {
        OnlineConfig config = ConfigBinder.bind(resolved, OnlineConfig.class, "config");
        OnlineMethod.check(config);
        OnlineNetwork online = OnlineMethod.network(config, inputs, classes, steps,
                new RandomStreams(config.training().seed()));
        OnlineNetwork longer = OnlineMethod.network(config, inputs, classes, 10 * steps,
                new RandomStreams(config.training().seed()));
        SpikeEvents[] inputsBySample = new SpikeEvents[samples];
        SplittableRandom random = new SplittableRandom(config.training().seed());
        for (int s = 0; s < samples; s++) {
            inputsBySample[s] = new SpikeEvents(steps);
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < inputs; i++) {
                    if (random.nextDouble() < rate) {
                        inputsBySample[s].add(t, i, 1.0);
                    }
                }
            }
            inputsBySample[s].finish();
        }
        OnlineWorkspace ws = online.newWorkspace();
        timeOnline(online, ws, inputsBySample, classes);
        double onlineSeconds = timeOnline(online, ws, inputsBySample, classes);
        SteppedNetwork bptt = online.network();
        Activity activity = bptt.newActivity();
        double[][] gradients = buffers(bptt.parameters());
        SpikeLoss loss = OnlineMethod.loss(config);
        timeBptt(bptt, loss, activity, gradients, inputsBySample, classes);
        double bpttSeconds = timeBptt(bptt, loss, activity, gradients, inputsBySample, classes);
        return new Result(steps, samples, samples / onlineSeconds, samples / bpttSeconds, bytes(ws),
                bytes(longer.newWorkspace()));
    }

    private static long bytes(OnlineWorkspace ws) {
        long gradients = 0;
        for (double[] g : ws.gradients()) {
            gradients += g.length;
        }
        return 8 * (ws.stateDoubles() + gradients);
    }

    private static double timeOnline(OnlineNetwork net, OnlineWorkspace ws, SpikeEvents[] inputs, int classes) {
        long start = System.nanoTime();
        for (int s = 0; s < inputs.length; s++) {
            net.run(inputs[s], s % classes, ws, true, Integer.MAX_VALUE, UpdateHook.NONE);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double timeBptt(SteppedNetwork net, SpikeLoss loss, Activity activity, double[][] gradients,
                                   SpikeEvents[] inputs, int classes) {
        double[] gradOut = new double[net.steps() * net.outputSize()];
        double[][] trained = new double[gradients.length][];
        List<ParameterGroup> groups = net.parameters();
        for (int g = 0; g < gradients.length; g++) {
            trained[g] = groups.get(g).trainable() ? gradients[g] : null;
        }
        long start = System.nanoTime();
        for (int s = 0; s < inputs.length; s++) {
            net.forward(inputs[s], activity);
            loss.evaluate(activity.spikes(net.layerCount() - 1), net.steps(), net.outputSize(), s % classes, gradOut);
            net.backward(inputs[s], activity, gradOut, trained);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double[][] buffers(List<ParameterGroup> groups) {
        double[][] g = new double[groups.size()][];
        for (int k = 0; k < g.length; k++) {
            g[k] = new double[groups.get(k).size()];
        }
        return g;
    }
}
