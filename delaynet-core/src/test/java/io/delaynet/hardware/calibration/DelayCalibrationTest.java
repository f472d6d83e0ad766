package io.delaynet.hardware.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.event.LifModel;
import io.delaynet.hardware.IdealBackend;
import io.delaynet.model.Connection;
import io.delaynet.hardware.ChipNetwork;
import io.delaynet.model.NetworkDescription;
import io.delaynet.hardware.SpikeRecord;
import io.delaynet.hardware.SpikingBackend;
import io.delaynet.hardware.chip.ChipParameters;
import io.delaynet.hardware.chip.EmulatedChip;
import io.delaynet.hardware.chip.LoadedLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calibration measures what the chip realised, seeing only what the backend reports. */
class DelayCalibrationTest {
    private static final LifModel MODEL = new LifModel(1.0, 2.6);
    /**
     * 64 runs per probe: one probe answer scatters by about 0.035 tau_s (threshold noise 0.04 over a
     * membrane slope of about 1.3, spike and delay jitter 0.01 each), so an element measured through a
     * single synapse (synaptic delays) has a standard error of about 0.006.
     */
    private static final CalibrationSettings PROBES = new CalibrationSettings(64, 0.26, 2.1, false);

    /** A backend that is nothing but the interface: the calibration cannot reach the emulator behind it. */
    private record OnlyTheInterface(SpikingBackend inner) implements SpikingBackend {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void load(NetworkDescription network) {
            inner.load(network);
        }

        @Override
        public List<SpikeRecord> run(double[][] inputs, long[] trials) {
            return inner.run(inputs, trials);
        }
    }

    /** A 3-layer network with the given delay kinds and random weights and delays in the chip's range. */
    static NetworkDescription network(long seed, int[] sizes, DelayKind... kinds) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Connection> layers = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            int pre = sizes[l];
            int post = sizes[l + 1];
            double[] w = new double[pre * post];
            double[] d = new double[pre * post];
            double[] perElement = new double[pre * post];
            for (int e = 0; e < perElement.length; e++) {
                perElement[e] = 2.0 + 1.5 * r.nextDouble();
            }
            for (int j = 0; j < post; j++) {
                for (int i = 0; i < pre; i++) {
                    w[j * pre + i] = r.nextDouble(-0.5, 1.5);
                    d[j * pre + i] = switch (kinds[l]) {
                        case NONE -> 0;
                        case AXONAL -> perElement[i];
                        case DENDRITIC -> perElement[j];
                        case SYNAPTIC -> perElement[j * pre + i];
                    };
                }
            }
            layers.add(ChipNetwork.layer(pre, post, w, kinds[l], d));
        }
        return ChipNetwork.of(MODEL, sizes[0], layers);
    }


    private static CalibrationTable calibrate(SpikingBackend backend, NetworkDescription net, CalibrationSettings s) {
        backend.load(net);
        return DelayCalibration.measure(new OnlyTheInterface(backend), net, s, run -> (99L << 32) | run);
    }

    /** Every synapse's measured delay against the one the chip realised (test-only look at the emulator). */
    private static double worstError(EmulatedChip chip, NetworkDescription net, CalibrationTable table) {
        double worst = 0;
        for (CalibrationTable.Layer measured : table.layers()) {
            Connection d = net.layers().get(measured.index());
            double[] realised = chip.loaded().get(measured.index()).delays();
            for (int s = 0; s < realised.length; s++) {
                double model = d.delay(s % d.pre(), s / d.pre()) + measured.corrections()[s];
                worst = Math.max(worst, Math.abs(model - realised[s]));
            }
        }
        return worst;
    }

    @Test
    void recoversEveryElementsRealisedDelayToWithinTheClockPlusJitterOnTheDefaultChip() {
        ChipParameters p = ChipParameters.brainScaleS2Like();
        double tolerance = p.readout().clock() + p.trial().delayJitter();
        int[][] shapes = {{6, 5, 3}, {5, 4, 3}, {4, 3, 2}};
        DelayKind[][] kinds = {{DelayKind.AXONAL, DelayKind.AXONAL}, {DelayKind.DENDRITIC, DelayKind.SYNAPTIC},
            {DelayKind.SYNAPTIC, DelayKind.DENDRITIC}};
        for (int c = 0; c < kinds.length; c++) {
            for (long chipSeed = 1; chipSeed <= 2; chipSeed++) {
                EmulatedChip chip = new EmulatedChip(p, chipSeed, 5);
                NetworkDescription net = network(10 + c, shapes[c], kinds[c]);
                CalibrationTable table = calibrate(chip, net, PROBES);
                assertEquals(2, table.layers().size());
                double error = worstError(chip, net, table);
                assertTrue(error < tolerance, c + "/" + chipSeed + ": worst error " + error + " >= " + tolerance);
                // the mismatch is there to be found: the requested delays are off by far more
                double uncalibrated = worstError(chip, net, new CalibrationTable(List.of()));
                double offBy = 0;
                for (CalibrationTable.Layer l : table.layers()) {
                    for (int e = 0; e < l.elements(); e++) {
                        offBy = Math.max(offBy, Math.abs(l.measured()[e] - l.requested()[e]));
                    }
                }
                assertTrue(offBy > 3 * tolerance, "the chip's offsets are measurable: " + offBy + ", " + uncalibrated);
            }
        }
    }

    @Test
    void aChipThatRealisesDelaysPerSynapseIsMeasuredPerSynapse() {
        ChipParameters base = ChipParameters.brainScaleS2Like();
        ChipParameters p = new ChipParameters(base.mismatch(), base.trial(), base.weights(),
                new ChipParameters.DelayRange(2.0, 3.5, 0.05, "synapse"), base.readout());
        EmulatedChip chip = new EmulatedChip(p, 3, 5);
        NetworkDescription net = network(4, new int[] {5, 4, 3}, DelayKind.AXONAL, DelayKind.AXONAL);
        CalibrationTable table = calibrate(chip, net, new CalibrationSettings(96, 0.26, 2.1, true));
        assertEquals(20, table.layer(0).elements());
        double error = worstError(chip, net, table);
        assertTrue(error < p.readout().clock() + p.trial().delayJitter(), "worst error " + error);
        // one element per line would not do: the synapses of a line differ
        double[] realised = chip.loaded().get(0).delays();
        double widest = 0;
        for (int i = 0; i < 5; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < 4; j++) {
                lo = Math.min(lo, realised[j * 5 + i]);
                hi = Math.max(hi, realised[j * 5 + i]);
            }
            widest = Math.max(widest, hi - lo);
        }
        assertTrue(widest > 0.05, "the synapses of one line realise different delays: " + widest);
    }

    @Test
    void onTheIdealBackendTheMeasuredDelaysAreTheRequestedOnesAndTheNetworkIsLoadedAgain() {
        IdealBackend ideal = new IdealBackend();
        NetworkDescription net = network(7, new int[] {6, 5, 3}, DelayKind.AXONAL, DelayKind.SYNAPTIC);
        ideal.load(net);
        double[] input = {0.3, 0.5, 0.9, 1.2, 0.2, 0.7};
        SpikeRecord before = ideal.run(input, 0);
        CalibrationTable table = calibrate(ideal, net, new CalibrationSettings(1, 0.26, 2.1, false));
        for (CalibrationTable.Layer l : table.layers()) {
            for (int e = 0; e < l.elements(); e++) {
                assertEquals(l.requested()[e], l.measured()[e], 1e-9);
            }
        }
        SpikeRecord after = ideal.run(input, 0);
        for (int l = 0; l <= 2; l++) {
            assertArrayEquals(before.layer(l), after.layer(l), 0.0, "the deployed network is back on the backend");
        }
    }

    @Test
    void theTableListsEveryElementAsCsvAndSummarisesEachLayer() {
        EmulatedChip chip = new EmulatedChip(ChipParameters.brainScaleS2Like(), 1, 5);
        NetworkDescription net = network(8, new int[] {4, 3, 2}, DelayKind.AXONAL, DelayKind.NONE);
        CalibrationTable table = calibrate(chip, net, PROBES);
        List<String> rows = table.csv().lines().toList();
        assertEquals("layer,kind,pre,post,requested,measured,offset,standard_error,runs", rows.get(0));
        assertEquals(1 + 4, rows.size(), "one row per element of the one layer with delays");
        assertTrue(rows.get(1).startsWith("0,axonal,0,all,"), rows.get(1));
        assertTrue(table.summary().startsWith("layer 0 (axonal, 4 delay elements): offset mean"), table.summary());
        LoadedLayer layer = chip.loaded().get(0);
        assertEquals(12, layer.delays().length);
    }
}
