package io.delaynet.data.audio;

/**
 * x^(1/3) for floats, within 2e-7 relative of {@link Math#cbrt} and, unlike it, written in plain
 * float operations that the vector kernel can repeat lane by lane with identical results. The encoder
 * takes one cube root per channel and sample (about 700 million for the spoken-digit set).
 *
 * <p>A first guess comes from dividing the float's bit pattern by 3 (which divides the exponent by 3)
 * plus a constant that restores the bias; three Newton steps y ← (2y + x/y²)/3 then take its ~5 %
 * error to float precision.
 */
final class FastCubeRoot {
    /**
     * Restores the exponent bias after the bit pattern is divided by 3: about (2/3) · 127 · 2^23, set a
     * little lower so the first guess's worst error is smallest.
     */
    static final int BIAS = 709_921_077;
    static final int NEWTON_STEPS = 3;
    /**
     * Inputs are raised to at least this, which keeps every intermediate a normal float (subnormal
     * arithmetic is very slow on x86); roots below 1e-10 never move a neuron anyway.
     */
    static final float FLOOR = 1e-30f;

    private FastCubeRoot() {
    }

    /** The cube root of max(x, {@link #FLOOR}); callers map x ≤ 0 to 0 themselves. */
    static float of(float x) {
        float xc = Math.max(x, FLOOR);
        float y = Float.intBitsToFloat((int) (Float.floatToRawIntBits(xc) * (1f / 3f)) + BIAS);
        float third = xc * (1f / 3f);
        for (int i = 0; i < NEWTON_STEPS; i++) {
            y = y * (2f / 3f) + third / (y * y);
        }
        return y;
    }
}
