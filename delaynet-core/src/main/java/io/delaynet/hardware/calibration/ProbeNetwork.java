package io.delaynet.hardware.calibration;

import io.delaynet.delay.DelayKind;
import io.delaynet.event.LifModel;
import io.delaynet.model.Connection;
import io.delaynet.hardware.ChipNetwork;
import io.delaynet.model.NetworkDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The network loaded to measure the delays of one presynaptic neuron (or input line) of one layer:
 * a single spike reaches that neuron, and it drives every neuron of the layer through one strong
 * synapse each. Loaded twice, once routed around the layer's delay elements and once through them
 * with the delays under test; the difference of the two responses is the realised delay, because
 * the latency of each postsynaptic neuron (whatever its mismatch) is the same in both.
 *
 * <p>Layers before the one probed are routed without delays; all their neurons spike, except in the
 * layer just before, where only the presynaptic neuron under test receives input. Later layers get
 * no input. The neurons run with the low probe threshold, so that one input suffices.
 */
final class ProbeNetwork {
    private ProbeNetwork() {
    }

    /**
     * @param deployed   the network whose delays are measured (its shapes, kinds and requested delays)
     * @param layer      the layer whose delay elements are probed
     * @param pre        the presynaptic neuron (or input line, for layer 0) under test
     * @param throughDelays route the probed synapses through the delay elements (false: around them)
     */
    static NetworkDescription of(NetworkDescription deployed, int layer, int pre, boolean throughDelays,
                                 CalibrationSettings settings) {
        LifModel neuron = new LifModel(ChipNetwork.neuron(deployed).tauRatio(), settings.probeThreshold());
        double w = settings.probeWeight();
        List<Connection> layers = new ArrayList<>();
        List<Connection> deployedLayers = deployed.layers();
        for (int k = 0; k < deployedLayers.size(); k++) {
            Connection d = deployedLayers.get(k);
            double[] weights = new double[d.pre() * d.post()];
            double[] delays = new double[d.pre() * d.post()]; // per synapse, as the chip realises them
            DelayKind kind = DelayKind.NONE;
            if (k < layer - 1) {
                Arrays.fill(weights, w); // every neuron spikes, carrying the spike on
            } else if (k == layer - 1) {
                for (int i = 0; i < d.pre(); i++) {
                    weights[pre * d.pre() + i] = w; // only the neuron under test spikes
                }
            } else if (k == layer) {
                for (int j = 0; j < d.post(); j++) {
                    weights[j * d.pre() + pre] = w;
                }
                if (throughDelays) {
                    kind = d.kind();
                    for (int j = 0; j < d.post(); j++) {
                        for (int i = 0; i < d.pre(); i++) {
                            delays[j * d.pre() + i] = d.delay(i, j);
                        }
                    }
                }
            }
            layers.add(ChipNetwork.layer(d.pre(), d.post(), weights, kind, delays));
        }
        return ChipNetwork.of(neuron, deployed.inputSize(), layers);
    }

    /** The input of a probe: line {@code pre} alone for layer 0, every line for deeper layers. */
    static double[] input(NetworkDescription deployed, int layer, int pre) {
        double[] in = new double[deployed.inputSize()];
        if (layer == 0) {
            Arrays.fill(in, Double.POSITIVE_INFINITY);
            in[pre] = CalibrationSettings.INJECTION_TIME;
        } else {
            Arrays.fill(in, CalibrationSettings.INJECTION_TIME);
        }
        return in;
    }
}
