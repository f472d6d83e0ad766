package io.delaynet.hardware.loop;

import io.delaynet.event.EventNetwork;
import io.delaynet.event.Projection;
import io.delaynet.hardware.NetworkDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's nominal model of the network that is on the chip: a copy of the trained network
 * whose weights are the deployed ones (rounded to the chip's grid when training hardware-aware).
 * The backend receives it, and DelGrad's backward pass at the observed spike times runs on it; its
 * parameter groups have the trained network's shapes, so its gradients apply to the float
 * parameters unchanged (a straight-through estimator for the rounding).
 */
final class DeployedNetwork {
    private final EventNetwork trained;
    private final EventNetwork deployed;
    private final HardwareAware hardwareAware;

    DeployedNetwork(EventNetwork trained, HardwareAware hardwareAware) {
        this.trained = trained;
        this.hardwareAware = hardwareAware;
        List<Projection> copies = new ArrayList<>();
        for (int l = 0; l < trained.layerCount(); l++) {
            Projection p = trained.projection(l);
            copies.add(new Projection(l, p.pre(), p.post(), p.weights().values().clone(), p.kind(),
                    p.parameterisation(), p.delays() == null ? null : p.delays().values().clone(),
                    p.preSharing(), p.postSharing()));
        }
        this.deployed = new EventNetwork(trained.model(), trained.inputSize(), copies);
        sync();
    }

    /** Copies the trained parameters over (rounding the weights if configured). */
    void sync() {
        for (int l = 0; l < trained.layerCount(); l++) {
            Projection from = trained.projection(l);
            Projection to = deployed.projection(l);
            double[] w = from.weights().values();
            double[] target = to.weights().values();
            for (int s = 0; s < w.length; s++) {
                target[s] = hardwareAware.deploy(w[s]);
            }
            if (from.delays() != null) {
                System.arraycopy(from.delays().values(), 0, to.delays().values(), 0, from.delays().size());
            }
        }
        deployed.refresh();
    }

    EventNetwork network() {
        return deployed;
    }

    NetworkDescription description() {
        return NetworkDescription.of(deployed);
    }
}
