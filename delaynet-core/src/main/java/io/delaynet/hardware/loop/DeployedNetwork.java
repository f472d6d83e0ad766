package io.delaynet.hardware.loop;

import io.delaynet.event.EventNetwork;
import io.delaynet.event.Projection;
import io.delaynet.model.Connection;
import io.delaynet.hardware.ChipNetwork;
import io.delaynet.model.NetworkDescription;
import io.delaynet.hardware.calibration.CalibrationTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's nominal model of the network that is on the chip: a copy of the trained network
 * whose weights are the deployed ones (rounded to the chip's grid when training hardware-aware).
 * The backend receives it, and DelGrad's backward pass at the observed spike times runs on it; its
 * parameter groups have the trained network's shapes, so its gradients apply to the float
 * parameters unchanged (a straight-through estimator for the rounding).
 *
 * <p>After a delay calibration the model's delays are the measured ones: each synapse's delay is
 * the requested one plus the calibration's correction (measured minus requested at calibration
 * time), which stays while training moves the requested delays. The chip keeps receiving the
 * requested delays.
 */
final class DeployedNetwork {
    private final EventNetwork trained;
    private final EventNetwork deployed;
    private final HardwareAware hardwareAware;
    private boolean calibrated;

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

    /** From now on the model's delays are the ones this calibration measured. */
    void useCalibration(CalibrationTable table) {
        double[][] perLayer = new double[deployed.layerCount()][];
        for (int l = 0; l < deployed.layerCount(); l++) {
            CalibrationTable.Layer measured = table.layer(l);
            perLayer[l] = measured == null ? null : measured.corrections();
        }
        applyCorrections(perLayer);
    }

    /** The model's delay corrections of every layer with delays, concatenated (empty before any calibration). */
    double[] corrections() {
        if (!calibrated) {
            return new double[0];
        }
        List<double[]> parts = new ArrayList<>();
        int total = 0;
        for (Projection p : deployed.projections()) {
            if (p.delays() != null) {
                double[] c = p.delayCorrections();
                parts.add(c);
                total += c.length;
            }
        }
        double[] out = new double[total];
        int at = 0;
        for (double[] c : parts) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }

    /** Restores what {@link #corrections()} returned. */
    void restoreCorrections(double[] all) {
        double[][] perLayer = new double[deployed.layerCount()][];
        int at = 0;
        for (int l = 0; l < deployed.layerCount(); l++) {
            Projection p = deployed.projection(l);
            if (p.delays() != null) {
                int n = p.pre() * p.post();
                if (at + n > all.length) {
                    throw new IllegalArgumentException("the stored delay calibration does not fit this network");
                }
                perLayer[l] = java.util.Arrays.copyOfRange(all, at, at + n);
                at += n;
            }
        }
        if (at != all.length) {
            throw new IllegalArgumentException("the stored delay calibration does not fit this network");
        }
        applyCorrections(perLayer);
    }

    private void applyCorrections(double[][] perLayer) {
        for (int l = 0; l < deployed.layerCount(); l++) {
            Projection p = deployed.projection(l);
            if (p.delays() != null) {
                p.correctDelays(perLayer[l] == null ? new double[p.pre() * p.post()] : perLayer[l]);
            }
        }
        calibrated = true;
    }

    EventNetwork network() {
        return deployed;
    }

    /** What the chip receives: the deployed weights and the requested (trained) delays. */
    NetworkDescription description() {
        if (!calibrated) {
            return ChipNetwork.of(deployed);
        }
        // the model's delays carry the calibration; the chip is asked for the delays as trained
        List<Connection> layers = new ArrayList<>();
        for (int l = 0; l < deployed.layerCount(); l++) {
            Projection p = deployed.projection(l);
            Projection requested = trained.projection(l);
            double[] delays = new double[p.pre() * p.post()];
            for (int j = 0; j < p.post(); j++) {
                for (int i = 0; i < p.pre(); i++) {
                    delays[j * p.pre() + i] = requested.delay(i, j);
                }
            }
            layers.add(ChipNetwork.layer(p.pre(), p.post(), p.weights().values().clone(), p.kind(), delays));
        }
        return ChipNetwork.of(deployed.model(), deployed.inputSize(), layers);
    }
}
