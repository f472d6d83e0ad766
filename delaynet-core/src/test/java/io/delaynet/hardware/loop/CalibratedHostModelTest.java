package io.delaynet.hardware.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.event.EventNetwork;
import io.delaynet.event.EventTrace;
import io.delaynet.hardware.SpikeRecord;
import io.delaynet.hardware.config.ChipMethod;
import io.delaynet.train.Split;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * With the delays calibrated, the host's model of the deployed network predicts the chip's spike
 * times, as long as the chip has no other imperfection the host does not model (neuron mismatch,
 * trial noise); without the calibration it does not, because of the delay elements' offsets.
 */
class CalibratedHostModelTest {
    /** The authors' 20-30-3 axonal network on a chip whose only imperfections are the delay offsets and the weight grid. */
    private static ChipInTheLoop loop(String calibration, double clock) {
        ObjectNode t = ChipInTheLoopLearnerTest.tree("backend.mismatch={tau_m: 0, tau_s: 0, threshold_offset: 0, "
                        + "threshold: 0, leak: 0, weight: 0}",
                "backend.trial={spike_jitter: 0, threshold: 0, delay_jitter: 0, threshold_per: run}",
                "backend.readout.clock=" + clock, "chip.calibration=" + calibration);
        return ChipMethod.inTheLoop(ChipInTheLoopLearnerTest.delGradPart(t), ChipInTheLoopLearnerTest.chipPart(t));
    }

    /**
     * The largest difference, over 50 training samples and every layer, of the host's times and the
     * chip's, the host starting from the inputs as the chip reports it injected them.
     */
    private static double largestDifference(ChipInTheLoop loop) {
        EventNetwork host = loop.forwardPass().network();
        EventTrace trace = host.newTrace();
        double[][] inputs = loop.learner().data(Split.TRAIN).inputs();
        double worst = 0;
        int spikes = 0;
        for (int k = 0; k < 50; k++) {
            SpikeRecord chip = loop.forwardPass().backend().run(inputs[k], k);
            host.forward(chip.layer(0), trace); // the inputs as the chip injected them (on its clock)
            for (int l = 1; l <= host.layerCount(); l++) {
                double[] predicted = trace.spikeTimes(l);
                double[] observed = chip.layer(l);
                for (int j = 0; j < predicted.length; j++) {
                    if (Double.isInfinite(predicted[j]) || Double.isInfinite(observed[j])) {
                        assertEquals(predicted[j], observed[j], "same silent neurons");
                    } else {
                        worst = Math.max(worst, Math.abs(predicted[j] - observed[j]));
                        spikes++;
                    }
                }
            }
        }
        assertTrue(spikes > 50 * 20, "most neurons spike: " + spikes);
        return worst;
    }

    @Test
    void withCalibrationTheHostPredictsTheChipsSpikeTimesToOneMillionth() {
        double calibrated = largestDifference(loop("measured", 0));
        assertTrue(calibrated < 1e-6, "calibrated host model: " + calibrated);
        double nominal = largestDifference(loop("nominal", 0));
        assertTrue(nominal > 1e-2, "without calibration the delay offsets show: " + nominal);
    }

    @Test
    void onAClockedChipTheHostPredictsTheReportedTimesToWithinTheClock() {
        double calibrated = largestDifference(loop("measured", 0.01));
        assertTrue(calibrated <= 0.01, "calibrated host model on the 0.01 clock: " + calibrated);
        double nominal = largestDifference(loop("nominal", 0.01));
        assertTrue(nominal > 3 * calibrated, "without calibration: " + nominal + " against " + calibrated);
    }
}
