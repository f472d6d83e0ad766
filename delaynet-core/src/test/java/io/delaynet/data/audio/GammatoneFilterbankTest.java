package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GammatoneFilterbankTest {
    private static final int RATE = 8000;
    private final GammatoneFilterbank bank = GammatoneFilterbank.of(CochleaSettings.DEFAULT, KernelKind.SCALAR);

    @Test
    void sinusoidAtTheCentreFrequencyPassesWithUnitGain() {
        // Including the top channel, whose negative-frequency image lies inside its passband.
        for (int c : new int[] {0, 5, 20, 40, 60, 63}) {
            double f = bank.centreFrequency(c);
            assertEquals(1.0, steadyAmplitude(c, f), 0.01, "channel " + c + " at " + f + " Hz");
        }
    }

    @Test
    void toneAnOctaveAwayIsStronglyAttenuated() {
        int c = 40;
        double f = bank.centreFrequency(c);
        assertTrue(steadyAmplitude(c, 2 * f) < 0.05, "octave above");
        assertTrue(steadyAmplitude(c, f / 2) < 0.05, "octave below");
    }

    @Test
    void equivalentRectangularBandwidthIsOneErb() {
        // ERB of the filter = ∫|H(f)|² df / |H(fc)|², from the analytic response of the 4 stages.
        for (int c : new int[] {10, 30, 50}) {
            double r = bank.poleRadius(c);
            double theta = 2 * Math.PI * bank.centreFrequency(c) / RATE;
            double integral = 0;
            double df = 0.25;
            for (double f = df / 2; f < RATE / 2.0; f += df) {
                double w = 2 * Math.PI * f / RATE;
                double re = 1 - r * Math.cos(theta - w);
                double im = r * Math.sin(theta - w);
                double stage = (1 - r) * (1 - r) / (re * re + im * im);
                integral += Math.pow(stage, 4) * df;
            }
            double erb = ErbScale.bandwidth(bank.centreFrequency(c));
            assertEquals(erb, integral, 0.05 * erb, "channel " + c);
        }
    }

    @Test
    void recursiveFiltersMatchDirectConvolutionWithTheImpulseResponse() {
        AudioClip noise = noise(1, 1200);
        float[][] fast = bank.filter(noise);
        float[][] direct = new DirectGammatone(bank).filter(noise);
        double worst = 0;
        for (int t = 0; t < fast.length; t++) {
            for (int c = 0; c < bank.channels(); c++) {
                worst = Math.max(worst, Math.abs(fast[t][c] - direct[t][c]));
            }
        }
        assertTrue(worst < 2e-4, "largest difference " + worst);
    }

    @Test
    void vectorKernelIsBitIdenticalToScalar() {
        Assumptions.assumeTrue(KernelKind.VECTOR.available(), "Vector API module not present");
        // 70 channels: not a multiple of any vector length, so the scalar tail runs too.
        CochleaSettings odd = CochleaSettings.DEFAULT.withChannels(70);
        AudioClip noise = noise(2, 2000);
        float[][] scalar = GammatoneFilterbank.of(odd, KernelKind.SCALAR).filter(noise);
        float[][] vector = GammatoneFilterbank.of(odd, KernelKind.VECTOR).filter(noise);
        for (int t = 0; t < scalar.length; t++) {
            assertArrayEquals(scalar[t], vector[t], 0f, "sample " + t);
        }
    }

    /** Peak output of channel c over the last 0.1 s of a 0.5 s unit sinusoid at {@code hz}. */
    private double steadyAmplitude(int c, double hz) {
        float[] x = new float[RATE / 2];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) Math.sin(2 * Math.PI * hz * n / RATE);
        }
        float[][] y = bank.filter(AudioClip.of(RATE, x));
        double peak = 0;
        for (int n = x.length - RATE / 10; n < x.length; n++) {
            peak = Math.max(peak, Math.abs(y[n][c]));
        }
        return peak;
    }

    static AudioClip noise(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[length];
        for (int n = 0; n < length; n++) {
            x[n] = (float) (random.nextDouble() * 2 - 1);
        }
        return AudioClip.of(RATE, x);
    }
}
