package io.delaynet.data.audio;

/**
 * The two loops that run once per channel and audio sample, and so take nearly all of the encoding
 * time: one step of the gammatone filters, and half-wave rectification with compression.
 *
 * <p>Implementations must do the same float operations in the same order (no fused multiply-add),
 * so every kernel gives bit-identical output and a cache file does not depend on which one wrote it.
 * The static methods here are the reference arithmetic; the vector kernel also uses them for the
 * channels left over after its last full vector.
 */
interface FrontEndKernel {

    /**
     * Advances the filters by one input sample {@code x}: updates {@code memory} (layout as in
     * {@link GammatoneFilterbank.State}) and writes channel c's output to {@code out[c]}.
     */
    void filterStep(float[] poleRe, float[] poleIm, float[] inputGain, float[] stageGain, float[] memory,
                    float x, float[] out);

    /** drive[c] = compression(max(motion[c], 0)) for every channel. */
    void rectifyCompress(Compression compression, float[] motion, float[] drive);

    static void filterStep(float[] poleRe, float[] poleIm, float[] inputGain, float[] stageGain, float[] memory,
                    float x,
                           float[] out, int from, int to) {
        int channels = poleRe.length;
        for (int c = from; c < to; c++) {
            float ar = poleRe[c];
            float ai = poleIm[c];
            float g = stageGain[c];
            float inRe = inputGain[c] * x;
            float inIm = 0f;
            for (int k = 0; k < GammatoneFilterbank.STAGES; k++) {
                int re = 2 * k * channels + c;
                int im = re + channels;
                float sr = memory[re];
                float si = memory[im];
                float nr = ar * sr - ai * si + inRe;
                float ni = ar * si + ai * sr + inIm;
                memory[re] = nr;
                memory[im] = ni;
                inRe = g * nr;
                inIm = g * ni;
            }
            out[c] = 2f * memory[2 * (GammatoneFilterbank.STAGES - 1) * channels + c];
        }
    }

    static void rectifyCompress(Compression compression, float[] motion, float[] drive, int from, int to) {
        for (int c = from; c < to; c++) {
            drive[c] = compression.apply(motion[c]);
        }
    }
}
