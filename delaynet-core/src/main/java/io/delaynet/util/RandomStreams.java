package io.delaynet.util;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from one root seed and a purpose name
 * ("weights", "data-order", "noise", ...). Deriving by name rather than by drawing from a shared
 * generator means adding a new consumer of randomness never shifts the numbers of the others.
 */
public final class RandomStreams {
    private final long rootSeed;

    public RandomStreams(long rootSeed) {
        this.rootSeed = rootSeed;
    }

    public long rootSeed() {
        return rootSeed;
    }

    /** A generator for {@code purpose}; the same (seed, purpose) always gives the same sequence. */
    public SplittableRandom stream(String purpose) {
        return new SplittableRandom(seedFor(purpose));
    }

    /** A generator for {@code purpose} and an index (epoch, layer, chip instance, ...). */
    public SplittableRandom stream(String purpose, long index) {
        return new SplittableRandom(mix(seedFor(purpose) ^ mix(index + 0x632BE59BD9B4E019L)));
    }

    public long seedFor(String purpose) {
        long h = rootSeed * 0x9E3779B97F4A7C15L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return mix(h);
    }

    /** The 64-bit finaliser of SplitMix64 / MurmurHash3: a bijective avalanche mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A standard normal draw (Box-Muller on two uniforms), reproducible across JDK versions. */
    public static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // in (0, 1], keeps log finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
