package io.delaynet.stepped.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.stepped.neuron.SlayerReference;
import org.junit.jupiter.api.Test;

class SurrogateTest {
    @Test
    void exponentialIsTheReferenceSpikePdf() {
        Surrogate s = Surrogate.of("exponential", 1, 1);
        for (double u : new double[] {-5, 0, 7.5, 10, 12, 30}) {
            assertEquals(SlayerReference.rho(u, 10, 1, 1), s.derivative(u, 10), 1e-15);
        }
    }

    @Test
    void allShapesPeakAtScaleOverWidthTimesThreshold() {
        for (String kind : new String[] {"exponential", "fast_sigmoid", "gaussian"}) {
            Surrogate s = Surrogate.of(kind, 0.5, 2);
            assertEquals(2 / (0.5 * 4), s.derivative(4, 4), 1e-15, kind);
            assertTrue(s.derivative(5, 4) < s.derivative(4, 4), kind);
            assertEquals(s.derivative(3, 4), s.derivative(5, 4), 1e-15, kind + " is symmetric");
        }
        assertEquals(1.0 / (1 + 2.0) / (1 + 2.0), Surrogate.of("fast_sigmoid", 1, 1).derivative(3, 1), 1e-15);
        assertEquals(Math.exp(-2), Surrogate.of("gaussian", 1, 1).derivative(3, 1), 1e-15);
    }

    @Test
    void smoothSigmoidDerivativeIsTheTrueOne() {
        SpikeFunction f = new SpikeFunction.SmoothSigmoid(0.3);
        for (double u : new double[] {-1, 0.5, 1, 1.7}) {
            double h = 1e-6;
            double numeric = (f.spike(u + h, 1) - f.spike(u - h, 1)) / (2 * h);
            assertEquals(numeric, f.derivative(u, 1), 1e-8);
        }
    }

    @Test
    void thresholdSpikesAtOrAboveTheThreshold() {
        SpikeFunction f = new SpikeFunction.Threshold(new Surrogate.Gaussian(1, 1));
        assertEquals(1, f.spike(10, 10));
        assertEquals(0, f.spike(Math.nextDown(10.0), 10));
    }

    @Test
    void unknownKindNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Surrogate.of("relu", 1, 1));
        assertTrue(e.getMessage().contains("fast_sigmoid"));
    }
}
