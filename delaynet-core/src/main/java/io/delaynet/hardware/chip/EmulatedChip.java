package io.delaynet.hardware.chip;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.event.LifModel;
import io.delaynet.hardware.ChipNetwork;
import io.delaynet.model.NetworkDescription;
import io.delaynet.hardware.SpikeRecord;
import io.delaynet.hardware.SpikingBackend;
import io.delaynet.util.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An emulated analog neuromorphic chip in the spirit of BrainScaleS-2: the network's neurons run
 * on circuits whose parameters deviate from the nominal ones, and the chip's imperfections are all
 * explicit in {@link ChipParameters}:
 * <ul>
 *   <li>fixed-pattern mismatch of each neuron's tau_m, tau_s, threshold and leak potential,
 *       frozen per chip instance (drawn from the chip seed);</li>
 *   <li>fixed-pattern mismatch of each synapse circuit's strength (optional);</li>
 *   <li>trial-to-trial noise: spike-time jitter, threshold noise and delay jitter, drawn from the
 *       trial seed and the trial identifier of each sample, so a sample's noise never depends on
 *       the batch, the thread or the order of runs (threshold noise may instead be drawn once per
 *       trial group, the high half of the identifier: batch-to-batch noise);</li>
 *   <li>weights on a signed 6-bit grid, delays realised within a bounded range with their own
 *       mismatch, input injection and spike readout on a clock, a finite run window.</li>
 * </ul>
 * Since mismatched time constants have no closed-form spike time, each neuron is integrated event
 * by event with {@link MembraneIntegrator}.
 *
 * <p>Spikes propagate on the chip with their true (jittered, unquantised) times; only what is
 * reported is on the clock. Equal reported times are left equal: the readout cannot order two
 * spikes within one tick, and the host decides what a tie means.
 *
 * <p>Draws that would make a parameter unphysical are floored: time constants at
 * {@value #MIN_TAU_FRACTION} of nominal, the threshold distance at {@value #MIN_THRESHOLD_FRACTION}
 * of nominal; with the documented defaults these floors are many standard deviations away.
 */
public final class EmulatedChip implements SpikingBackend {
    static final double MIN_TAU_FRACTION = 0.1;
    static final double MIN_THRESHOLD_FRACTION = 0.01;

    private final ChipParameters parameters;
    private final FixedPattern pattern;
    private final RandomStreams trialStreams;
    private volatile List<LoadedLayer> loaded;

    /**
     * @param parameters the chip's imperfections (already scaled by any noise scale)
     * @param chipSeed   identity of the chip instance: seeds the fixed pattern
     * @param trialSeed  seeds the trial-to-trial noise (with each run's trial identifier)
     */
    public EmulatedChip(ChipParameters parameters, long chipSeed, long trialSeed) {
        this.parameters = parameters;
        this.pattern = new FixedPattern(chipSeed);
        this.trialStreams = new RandomStreams(trialSeed);
    }

    @Override
    public String name() {
        return "emulated";
    }

    public ChipParameters parameters() {
        return parameters;
    }

    @Override
    public void load(NetworkDescription network) {
        List<LoadedLayer> layers = new ArrayList<>();
        LifModel nominal = ChipNetwork.neuron(network);
        double nominalTauM = nominal.tauRatio();
        double nominalTheta = nominal.threshold();
        ChipParameters.Mismatch m = parameters.mismatch();
        double floor = MIN_THRESHOLD_FRACTION * nominalTheta;
        List<Connection> requested = network.layers();
        for (int l = 0; l < requested.size(); l++) {
            Connection layer = requested.get(l);
            int post = layer.post();
            double[] epsTauM = pattern.neurons("tau-m", l, post);
            double[] epsTauS = pattern.neurons("tau-s", l, post);
            double[] epsTheta = pattern.neurons("threshold", l, post);
            double[] epsLeak = pattern.neurons("leak", l, post);
            double[] tauM = new double[post];
            double[] tauS = new double[post];
            double[] distance = new double[post];
            for (int j = 0; j < post; j++) {
                tauM[j] = nominalTauM * Math.max(MIN_TAU_FRACTION, 1 + m.tauM() * epsTauM[j]);
                tauS[j] = Math.max(MIN_TAU_FRACTION, 1 + m.tauS() * epsTauS[j]);
                double threshold = nominalTheta + m.thresholdOffset() + m.threshold() * epsTheta[j];
                double leak = m.leak() * epsLeak[j];
                distance[j] = Math.max(floor, threshold - leak);
            }
            int synapses = layer.pre() * post;
            double[] weights = new double[synapses];
            double[] delays = new double[synapses];
            boolean perSynapse = parameters.delays().perSynapse();
            double[] epsDelay = pattern.delayElements(l, perSynapse && layer.kind() != DelayKind.NONE ? synapses
                    : layer.delayElements());
            // drawn only when used, so a chip without weight mismatch needs no synapse draws at all
            double[] epsExcitatory = m.weight() == 0 ? null : pattern.synapses(true, l, synapses);
            double[] epsInhibitory = m.weight() == 0 ? null : pattern.synapses(false, l, synapses);
            for (int j = 0; j < post; j++) {
                for (int i = 0; i < layer.pre(); i++) {
                    int s = j * layer.pre() + i;
                    double w = parameters.weights().quantise(layer.weight(i, j));
                    if (epsExcitatory != null && w != 0) {
                        // the level is digital and exact; the circuit's gain is what varies (floored at 0,
                        // so a synapse never changes sign, which is wired, not analog)
                        double eps = w > 0 ? epsExcitatory[s] : epsInhibitory[s];
                        w *= Math.max(0, 1 + m.weight() * eps);
                    }
                    weights[s] = w;
                    if (layer.kind() != DelayKind.NONE) {
                        double offset = parameters.delays().mismatch() * epsDelay[perSynapse ? s : layer.delayElement(i, j)];
                        delays[s] = parameters.delays().realise(layer.delay(i, j), offset);
                    }
                }
            }
            layers.add(new LoadedLayer(layer, weights, delays, tauM, tauS, distance, floor, perSynapse));
        }
        loaded = List.copyOf(layers);
    }

    /** The network as realised by the last {@link #load}: what a calibration measurement would show. */
    public List<LoadedLayer> loaded() {
        List<LoadedLayer> l = loaded;
        if (l == null) {
            throw new IllegalStateException("load a network before inspecting it");
        }
        return l;
    }

    @Override
    public List<SpikeRecord> run(double[][] inputs, long[] trials) {
        if (inputs.length != trials.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + trials.length + " trial identifiers");
        }
        List<LoadedLayer> layers = loaded();
        List<SpikeRecord> out = new ArrayList<>(inputs.length);
        for (int b = 0; b < inputs.length; b++) {
            out.add(runOne(layers, inputs[b], trials[b]));
        }
        return out;
    }

    private SpikeRecord runOne(List<LoadedLayer> layers, double[] input, long trial) {
        if (input.length != layers.get(0).pre()) {
            throw new IllegalArgumentException("expected " + layers.get(0).pre() + " input times, got " + input.length);
        }
        ChipParameters.Readout readout = parameters.readout();
        ChipParameters.TrialNoise noise = parameters.trial();
        // one generator per noise source, so switching one source off never moves the others
        SplittableRandom jitterRandom = trialStreams.stream("trial-spike-jitter", trial);
        // batch-level threshold noise: the same stream, hence the same draws, for every run of a trial group
        SplittableRandom thresholdRandom = noise.thresholdPerBatch()
                ? trialStreams.stream("trial-threshold-batch", trial >>> 32)
                : trialStreams.stream("trial-threshold", trial);
        SplittableRandom delayRandom = trialStreams.stream("trial-delay-jitter", trial);
        double[][] recorded = new double[layers.size() + 1][];
        double[] emitted = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            emitted[i] = readout.quantise(input[i]); // played in by the chip's clock
        }
        recorded[0] = emitted.clone();
        for (int l = 0; l < layers.size(); l++) {
            LoadedLayer layer = layers.get(l);
            double[] delayJitter = new double[layer.delayElements];
            for (int e = 0; e < delayJitter.length; e++) {
                delayJitter[e] = noise.delayJitter() * RandomStreams.gaussian(delayRandom);
            }
            double[] next = new double[layer.post()];
            double[] arrival = new double[layer.pre()];
            double[] weight = new double[layer.pre()];
            for (int j = 0; j < layer.post(); j++) {
                double thresholdNoise = noise.threshold() * RandomStreams.gaussian(thresholdRandom);
                double jitter = noise.spikeJitter() * RandomStreams.gaussian(jitterRandom);
                int n = sortedArrivals(layer, j, emitted, delayJitter, arrival, weight);
                double distance = Math.max(layer.distanceFloor, layer.thresholdDistance[j] + thresholdNoise);
                double t = layer.integrators[j].firstCrossing(arrival, weight, n, distance);
                if (t != Double.POSITIVE_INFINITY) {
                    t += jitter;
                }
                next[j] = t > readout.window() ? Double.POSITIVE_INFINITY : t;
            }
            recorded[l + 1] = new double[next.length];
            for (int j = 0; j < next.length; j++) {
                recorded[l + 1][j] = readout.quantise(next[j]);
            }
            emitted = next;
        }
        return new SpikeRecord(recorded);
    }

    /** Neuron j's arrivals (spike time + realised delay + this run's delay jitter), sorted; returns their number. */
    private static int sortedArrivals(LoadedLayer layer, int j, double[] spikes, double[] delayJitter,
                                      double[] arrival, double[] weight) {
        int pre = layer.pre();
        int n = 0;
        for (int i = 0; i < pre; i++) {
            if (spikes[i] == Double.POSITIVE_INFINITY) {
                continue;
            }
            int s = j * pre + i;
            int element = layer.delayElement[s];
            double d = element < 0 ? 0 : Math.max(0, layer.delays[s] + delayJitter[element]);
            double a = spikes[i] + d;
            double w = layer.weights[s];
            int k = n;
            while (k > 0 && arrival[k - 1] > a) {
                arrival[k] = arrival[k - 1];
                weight[k] = weight[k - 1];
                k--;
            }
            arrival[k] = a;
            weight[k] = w;
            n++;
        }
        return n;
    }
}
