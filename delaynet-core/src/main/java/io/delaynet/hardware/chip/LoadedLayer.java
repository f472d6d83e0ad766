package io.delaynet.hardware.chip;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;

/**
 * One layer as the chip realised it at load time: quantised weights, realised delays and each
 * neuron's mismatched parameters. Immutable; the accessors return copies (they are for tests,
 * reports and calibration, not for the hot loop, which reads the fields).
 */
public final class LoadedLayer {
    final Connection requested;
    final double[] weights;     // post-major, on the chip's weight grid times each synapse circuit's gain
    final double[] delays;      // post-major, per synapse, before trial jitter
    final int[] delayElement;   // post-major: the element each synapse uses (-1: no delay; itself when realised per synapse)
    final int delayElements;
    final MembraneIntegrator[] integrators; // per neuron, with its own tau_m and tau_s
    final double[] tauM;
    final double[] tauS;
    final double[] thresholdDistance; // per neuron: threshold minus leak potential
    final double distanceFloor;       // no draw, fixed or per trial, brings a threshold closer to rest

    LoadedLayer(Connection requested, double[] weights, double[] delays, double[] tauM, double[] tauS,
                double[] thresholdDistance, double distanceFloor, boolean delayPerSynapse) {
        this.requested = requested;
        this.weights = weights;
        this.delays = delays;
        this.tauM = tauM;
        this.tauS = tauS;
        this.thresholdDistance = thresholdDistance;
        this.distanceFloor = distanceFloor;
        int pre = requested.pre();
        boolean ownDelays = delayPerSynapse && requested.kind() != DelayKind.NONE;
        delayElement = new int[pre * requested.post()];
        for (int j = 0; j < requested.post(); j++) {
            for (int i = 0; i < pre; i++) {
                delayElement[j * pre + i] = ownDelays ? j * pre + i : requested.delayElement(i, j);
            }
        }
        delayElements = ownDelays ? pre * requested.post() : requested.delayElements();
        integrators = new MembraneIntegrator[requested.post()];
        for (int j = 0; j < integrators.length; j++) {
            integrators[j] = new MembraneIntegrator(tauM[j], tauS[j]);
        }
    }

    public int pre() {
        return requested.pre();
    }

    public int post() {
        return requested.post();
    }

    /** The weights as realised, post-major. */
    public double[] weights() {
        return weights.clone();
    }

    /** The delays as realised (fixed pattern included, trial jitter not), post-major. */
    public double[] delays() {
        return delays.clone();
    }

    public double[] tauM() {
        return tauM.clone();
    }

    public double[] tauS() {
        return tauS.clone();
    }

    /** Per neuron, the distance from its leak potential to its threshold (before trial noise). */
    public double[] thresholdDistance() {
        return thresholdDistance.clone();
    }
}
