package io.delaynet.data.yinyang;

/**
 * The Mersenne Twister MT19937 exactly as numpy's legacy {@code RandomState(seed)} uses it:
 * Knuth's {@code init_genrand} seeding from a 32-bit integer, standard tempering,
 * {@code rand()} as a 53-bit double from two words, and {@code randint(n)} by masked rejection.
 * Needed only to regenerate the published Yin-Yang splits bit for bit.
 */
public final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] state = new int[N];
    private int index;

    public Mt19937(long seed) {
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = state[i - 1];
            state[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        index = N;
    }

    /** The next tempered 32-bit word, as an unsigned value in a long. */
    public long nextWord() {
        if (index >= N) {
            twist();
        }
        int y = state[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    /** numpy {@code rand()}: a double in [0, 1) from two words. */
    public double nextDouble() {
        long a = nextWord() >>> 5;
        long b = nextWord() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** numpy legacy {@code randint(bound)}: mask to the next power of two, reject values >= bound. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long max = bound - 1L;
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = nextWord() & mask;
        } while (v > max);
        return (int) v;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
            int next = state[(i + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                next ^= 0x9908b0df;
            }
            state[i] = next;
        }
        index = 0;
    }
}
