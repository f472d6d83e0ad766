package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Axonal delays that a calibration corrected per synapse no longer give every target of a line the
 * same arrival time, so the layer must not share one arrival list: the corrected axonal network
 * computes exactly what the same delays as synaptic ones compute.
 */
class CorrectedDelaysTest {
    @Test
    void perSynapseCorrectionsOfAxonalDelaysAreHonoured() {
        SplittableRandom r = new SplittableRandom(3);
        int pre = 12;
        int post = 7;
        double[] w = new double[pre * post];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1.5 + r.nextGaussian();
        }
        DelayParameterisation clip = new DelayParameterisation.Clip(0, Double.POSITIVE_INFINITY);
        double[] lines = new double[pre];
        for (int i = 0; i < pre; i++) {
            lines[i] = 0.8 * r.nextDouble();
        }
        double[] correction = new double[pre * post];
        double[] perSynapse = new double[pre * post];
        for (int j = 0; j < post; j++) {
            for (int i = 0; i < pre; i++) {
                correction[j * pre + i] = 0.6 * r.nextDouble();
                perSynapse[j * pre + i] = lines[i] + correction[j * pre + i];
            }
        }
        Projection axonal = new Projection(0, pre, post, w.clone(), DelayKind.AXONAL, clip, lines.clone(), 1, 1);
        assertTrue(axonal.sameDelayPerInput());
        axonal.correctDelays(correction);
        assertFalse(axonal.sameDelayPerInput());
        Projection synaptic = new Projection(0, pre, post, w.clone(), DelayKind.SYNAPTIC, clip, perSynapse, 1, 1);
        LifModel model = new LifModel(2.0, 1.0);
        EventNetwork a = new EventNetwork(model, pre, List.of(axonal));
        EventNetwork b = new EventNetwork(model, pre, List.of(synaptic));
        EventTrace ta = a.newTrace();
        EventTrace tb = b.newTrace();
        int spikes = 0;
        for (int s = 0; s < 30; s++) {
            double[] input = new double[pre];
            for (int i = 0; i < pre; i++) {
                input[i] = 0.15 + 1.85 * r.nextDouble();
            }
            double[] x = a.forward(input, ta).clone();
            assertArrayEquals(b.forward(input, tb), x, 1e-12, "sample " + s);
            for (double t : x) {
                spikes += Double.isFinite(t) ? 1 : 0;
            }
        }
        assertTrue(spikes > 50, "too silent: " + spikes);
    }
}
