package io.delaynet.hardware.calibration;

import io.delaynet.config.ConfigException;
import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.hardware.ChipNetwork;
import io.delaynet.model.NetworkDescription;
import io.delaynet.hardware.SpikeRecord;
import io.delaynet.hardware.SpikingBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Measures the realised delay of every delay element of a network on a backend, through the
 * backend's interface alone: it loads {@link ProbeNetwork}s, injects spikes and reads spike times.
 * It never sees a membrane, a fixed pattern or a realised parameter, so it works on a physical
 * chip as on the emulator.
 *
 * <p>For each presynaptic neuron i of a layer with delays, one spike is brought to i and i drives
 * every neuron j of the layer through one strong synapse. Neuron j answers at
 * {@code t_i + D_ij + L_ij}, where L_ij is its latency for that synapse (which depends on j's and
 * the synapse's mismatch, unknown) and D_ij the delay on the way. Routed around the delay element
 * the same synapse gives {@code t_i + L_ij}; the difference of the two, with t_i as reported in
 * each run, is D_ij. Every probe is run {@code repeats} times and averaged; a delay element shared
 * by several synapses (axonal: one per presynaptic line; dendritic: one per neuron) is the average
 * over them.
 *
 * <p>Assumption, stated in docs/chip-emulator.md: the chip can route a line around its delay
 * element (the BrainScaleS-2 setup of the DelGrad authors has projections with and without delay
 * neurons), and the bypass adds no delay of its own.
 *
 * <p>The backend is left with the deployed network loaded again.
 */
public final class DelayCalibration {
    private DelayCalibration() {
    }

    /**
     * @param deployed   the network as it is deployed (requested delays, kinds, shapes)
     * @param trialOfRun the trial identifier of the k-th probe run (k = 0, 1, ...)
     */
    public static CalibrationTable measure(SpikingBackend backend, NetworkDescription deployed,
                                           CalibrationSettings settings, IntToLongFunction trialOfRun) {
        List<CalibrationTable.Layer> layers = new ArrayList<>();
        int run = 0;
        for (int l = 0; l < deployed.layers().size(); l++) {
            Connection d = deployed.layers().get(l);
            if (d.kind() == DelayKind.NONE) {
                continue;
            }
            Welford[] around = Welford.array(d.pre() * d.post());
            Welford[] through = Welford.array(d.pre() * d.post());
            for (int i = 0; i < d.pre(); i++) {
                for (boolean viaDelays : new boolean[] {false, true}) {
                    backend.load(ProbeNetwork.of(deployed, l, i, viaDelays, settings));
                    double[][] inputs = new double[settings.repeats()][];
                    long[] trials = new long[settings.repeats()];
                    for (int k = 0; k < settings.repeats(); k++) {
                        inputs[k] = ProbeNetwork.input(deployed, l, i);
                        trials[k] = trialOfRun.applyAsLong(run++);
                    }
                    Welford[] into = viaDelays ? through : around;
                    for (SpikeRecord r : backend.run(inputs, trials)) {
                        double sent = r.layer(l)[i];
                        double[] answers = r.layer(l + 1);
                        for (int j = 0; j < d.post(); j++) {
                            if (Double.isFinite(sent) && Double.isFinite(answers[j])) {
                                into[j * d.pre() + i].add(answers[j] - sent);
                            }
                        }
                    }
                }
            }
            layers.add(summarise(l, d, settings.perSynapse(), around, through, settings));
        }
        backend.load(deployed);
        return new CalibrationTable(layers);
    }

    private static CalibrationTable.Layer summarise(int l, Connection d, boolean perSynapse, Welford[] around,
                                                    Welford[] through, CalibrationSettings settings) {
        int elements = perSynapse ? d.pre() * d.post() : d.delayElements();
        double[] requested = new double[elements];
        double[] sum = new double[elements];
        double[] variance = new double[elements];
        int[] synapses = new int[elements];
        int[] runs = new int[elements];
        for (int j = 0; j < d.post(); j++) {
            for (int i = 0; i < d.pre(); i++) {
                int s = j * d.pre() + i;
                int e = perSynapse ? s : d.delayElement(i, j);
                requested[e] = d.delay(i, j);
                if (around[s].n > 0 && through[s].n > 0) {
                    sum[e] += through[s].mean - around[s].mean;
                    variance[e] += through[s].varianceOfMean() + around[s].varianceOfMean();
                    synapses[e]++;
                    runs[e] += through[s].n + around[s].n;
                }
            }
        }
        double[] measured = new double[elements];
        double[] error = new double[elements];
        for (int e = 0; e < elements; e++) {
            if (synapses[e] == 0) {
                throw new ConfigException("calibration: delay element " + e + " of layer " + l
                        + " gave no probe spike in " + 2 * settings.repeats() + " runs per synapse; lower "
                        + "chip.probe_threshold (now " + settings.probeThreshold() + ") or raise chip.probe_weight");
            }
            measured[e] = sum[e] / synapses[e];
            error[e] = Math.sqrt(variance[e]) / synapses[e];
        }
        double[] corrections = new double[d.pre() * d.post()];
        for (int j = 0; j < d.post(); j++) {
            for (int i = 0; i < d.pre(); i++) {
                int s = j * d.pre() + i;
                int e = perSynapse ? s : d.delayElement(i, j);
                corrections[s] = measured[e] - d.delay(i, j);
            }
        }
        return new CalibrationTable.Layer(l, d.kind(), perSynapse, d.pre(), d.post(), requested, measured, error, runs,
                corrections);
    }

    /** Running mean and variance (Welford), for one synapse's probe answers. */
    private static final class Welford {
        int n;
        double mean;
        double m2;

        static Welford[] array(int size) {
            Welford[] out = new Welford[size];
            for (int i = 0; i < size; i++) {
                out[i] = new Welford();
            }
            return out;
        }

        void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        double varianceOfMean() {
            return n > 1 ? m2 / (n - 1) / n : 0;
        }
    }
}
