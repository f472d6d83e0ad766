package io.delaynet.data.audio;

/**
 * The equivalent-rectangular-bandwidth scale of Glasberg &amp; Moore (1990): the bandwidth of the
 * human auditory filter at a centre frequency, and the "ERB number" that spaces filters evenly
 * along the cochlea (one unit is roughly one auditory filter, about 0.9 mm of basilar membrane).
 */
public final class ErbScale {
    private ErbScale() {
    }

    /** ERB(f) = 24.7 (4.37 f / 1000 + 1) Hz. */
    public static double bandwidth(double hz) {
        return 24.7 * (4.37 * hz / 1000 + 1);
    }

    /** E(f) = 21.4 log10(4.37 f / 1000 + 1): how many ERBs lie below f. */
    public static double number(double hz) {
        return 21.4 * Math.log10(4.37 * hz / 1000 + 1);
    }

    /** The inverse of {@link #number}. */
    public static double frequency(double erbNumber) {
        return (Math.pow(10, erbNumber / 21.4) - 1) * 1000 / 4.37;
    }

    /** {@code count} centre frequencies from {@code lowHz} to {@code highHz}, evenly spaced in ERB number. */
    public static double[] centreFrequencies(int count, double lowHz, double highHz) {
        if (count < 1 || !(lowHz > 0) || !(highHz >= lowHz)) {
            throw new IllegalArgumentException("need count >= 1 and 0 < low <= high, got " + count + ", "
                    + lowHz + ", " + highHz);
        }
        double[] f = new double[count];
        if (count == 1) {
            f[0] = lowHz;
            return f;
        }
        double e0 = number(lowHz);
        double step = (number(highHz) - e0) / (count - 1);
        for (int c = 0; c < count; c++) {
            f[c] = frequency(e0 + c * step);
        }
        // Pin the ends so rounding in log/pow never moves them.
        f[0] = lowHz;
        f[count - 1] = highHz;
        return f;
    }
}
