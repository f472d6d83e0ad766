package io.delaynet.stepped;

import static io.delaynet.inspect.LayerSpikes.layerName;

import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.LayerSpikes;
import io.delaynet.inspect.ParameterGradient;
import io.delaynet.inspect.SampleGradients;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.stepped.network.Projection;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.stepped.neuron.PassThroughParams;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Split;
import java.util.ArrayList;
import java.util.List;

/** The time-stepped method's answers to the inspection hooks of {@link io.delaynet.run.Experiment}. */
final class SteppedInspection {
    /** Every time of the stepped engine is a step index. */
    static final String TIME_UNIT = "steps";

    private final SteppedLearner learner;

    SteppedInspection(SteppedLearner learner) {
        this.learner = learner;
    }

    List<DelayDistribution> delays() {
        return LearnedDelays.of(learner.network());
    }

    /**
     * Each sample's spikes, the input and every layer of neurons; a layer without neurons (a pooling
     * that passes its weighted sums on) has no spikes to show, so it is left out, and the layers keep
     * their numbers (the hidden layer after a pooling at hidden 2 is still hidden 3).
     */
    List<SampleSpikes> sampleSpikes(Split split, int[] samples) {
        SteppedNetwork network = learner.network();
        SteppedWorkspace ws = learner.newWorkspace();
        List<SampleSpikes> out = new ArrayList<>();
        for (int index : samples) {
            SampleResult r = learner.evaluate(split, index, ws);
            List<LayerSpikes> layers = new ArrayList<>();
            layers.add(new LayerSpikes(layerName(0, network.layerCount()), spikeTimes(ws.input, network.inputSize())));
            for (int l = 0; l < network.layerCount(); l++) {
                if (network.layer(l).neuron() instanceof PassThroughParams) {
                    continue; // its "spikes" are sums, not events
                }
                layers.add(new LayerSpikes(layerName(l + 1, network.layerCount()),
                        spikeTimes(ws.activity.spikes(l), network.steps(), network.projection(l).post())));
            }
            out.add(new SampleSpikes(split, index, r.label(), r.predicted(), TIME_UNIT, layers));
        }
        return out;
    }

    /** The gradient of every group, frozen ones included, exactly as backpropagation computes it. */
    SampleGradients sampleGradients(Split split, int sample) {
        SteppedWorkspace ws = learner.newWorkspace(true);
        SampleResult r = learner.sampleGradient(split, sample, ws);
        List<ParameterGroup> groups = learner.parameters();
        List<ParameterGradient> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            ParameterGroup group = groups.get(g);
            out.add(new ParameterGradient(group.name(), layout(group), group.values(), ws.gradients()[g]));
        }
        String note = "surrogate gradient (the spike's derivative is replaced in the backward pass)"
                + (learner.network().projection(0).interpolation() instanceof DelayInterpolation.IntegerShift
                        ? "; integer-shift delays take the reference's finite-difference gradient" : "");
        return new SampleGradients(split, sample, r.label(), r.predicted(), r.loss(), false, note, out);
    }

    private String layout(ParameterGroup group) {
        SteppedNetwork network = learner.network();
        for (int l = 0; l < network.layerCount(); l++) {
            Projection p = network.projection(l);
            String names = "pre = " + (l == 0 ? "input pixel" : "neuron of " + layerName(l, network.layerCount()))
                    + ", post = neuron of " + layerName(l + 1, network.layerCount());
            if (group == p.weights() && p.topology() instanceof io.delaynet.model.Topology.Conv2d c) {
                return "weight[((out channel * " + c.inChannels() + " + in channel) * " + c.kernel() + " + ky) * "
                        + c.kernel() + " + kx]; " + names + " (" + c.type() + ")";
            }
            if (group == p.weights() && !p.dense()) {
                return "weight[0]: the fixed weight of every pooled input; " + names;
            }
            if (group == p.weights()) {
                return "weight[pre * " + p.post() + " + post]; " + names;
            }
            if (group == p.delays()) {
                String index = switch (p.kind()) {
                    case SYNAPTIC -> "delay[pre * " + p.post() + " + post]";
                    case AXONAL -> "delay[pre]";
                    case DENDRITIC -> "delay[post]";
                    case NONE -> "";
                };
                return index + " in steps; " + names;
            }
        }
        return "";
    }

    private static double[][] spikeTimes(SpikeEvents events, int neurons) {
        List<List<Double>> perNeuron = new ArrayList<>();
        for (int n = 0; n < neurons; n++) {
            perNeuron.add(new ArrayList<>());
        }
        for (int t = 0; t < events.steps(); t++) {
            for (int k = events.from(t); k < events.to(t); k++) {
                if (events.value(k) != 0) {
                    perNeuron.get(events.neuron(k)).add((double) t);
                }
            }
        }
        double[][] out = new double[neurons][];
        for (int n = 0; n < neurons; n++) {
            out[n] = perNeuron.get(n).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    private static double[][] spikeTimes(double[] spikes, int steps, int neurons) {
        int[] counts = new int[neurons];
        for (int i = 0; i < steps * neurons; i++) {
            counts[i % neurons] += spikes[i] != 0 ? 1 : 0;
        }
        double[][] out = new double[neurons][];
        for (int n = 0; n < neurons; n++) {
            out[n] = new double[counts[n]];
            counts[n] = 0;
        }
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < neurons; n++) {
                if (spikes[t * neurons + n] != 0) {
                    out[n][counts[n]++] = t;
                }
            }
        }
        return out;
    }
}
