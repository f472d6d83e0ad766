package io.delaynet.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FirstSpikeTest {

    /** Spike time of a single neuron through the network code path (one-layer network, no delays). */
    static double spikeTime(double[] arrival, double[] weight, LifModel model) {
        Projection p = new Projection(0, arrival.length, 1, weight.clone(), io.delaynet.delay.DelayKind.NONE, null, null, 1, 1);
        EventNetwork net = new EventNetwork(model, arrival.length, java.util.List.of(p));
        return net.forward(arrival, net.newTrace())[0];
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.0})
    void matchesFineStepIntegrationOfTheOde(double tauRatio) {
        LifModel model = new LifModel(tauRatio, 1.0);
        SplittableRandom random = new SplittableRandom(42);
        int spiking = 0;
        int silent = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(8);
            double[] a = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextDouble() * 3;
                w[i] = random.nextDouble(-1.0, 2.5);
                if (random.nextInt(10) == 0) {
                    a[i] = Double.POSITIVE_INFINITY; // silent input
                }
            }
            double exact = spikeTime(a, w, model);
            double reference = OdeReference.firstSpike(a, w, model, 30, 1e-3);
            if (Double.isInfinite(reference)) {
                silent++;
                assertTrue(Double.isInfinite(exact) || exact > 29.9, "no spike expected, got " + exact + " (trial " + trial + ")");
            } else {
                spiking++;
                assertEquals(reference, exact, 1e-6, "trial " + trial);
            }
        }
        assertTrue(spiking > 100 && silent > 10, "both outcomes exercised: " + spiking + " spiking, " + silent + " silent");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.0})
    void simultaneousInputsActTogether(double tauRatio) {
        LifModel model = new LifModel(tauRatio, 1.0);
        double together = spikeTime(new double[] {0.5, 0.5, 0.5}, new double[] {0.8, 0.8, 0.8}, model);
        double summed = spikeTime(new double[] {0.5}, new double[] {2.4}, model);
        assertEquals(summed, together, 1e-12);
        assertEquals(OdeReference.firstSpike(new double[] {0.5}, new double[] {2.4}, model, 30, 1e-3), together, 1e-6);
    }

    @Test
    void noInputsOrOnlySilentInputsGiveNoSpike() {
        LifModel model = LifModel.delGradDefault();
        assertTrue(Double.isInfinite(spikeTime(new double[] {Double.POSITIVE_INFINITY}, new double[] {5}, model)));
        assertTrue(Double.isInfinite(spikeTime(new double[] {0.1, 0.2}, new double[] {-1, 0.3}, model)));
    }

    @Test
    void lateSpikesDoNotOverflow() {
        LifModel model = LifModel.delGradDefault();
        double early = spikeTime(new double[] {0.3, 0.9}, new double[] {1.5, 1.5}, model);
        double late = spikeTime(new double[] {900.3, 900.9}, new double[] {1.5, 1.5}, model);
        assertEquals(early + 900, late, 1e-9);
    }
}
