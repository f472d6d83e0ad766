package io.delaynet.data.audio;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel: one SIMD register holds a run of neighbouring channels, so each loop runs
 * 8 (AVX2) or 16 (AVX-512) channels per instruction. C2 does not vectorise the scalar loops by
 * itself; measured on the spoken-digit set, the filter step is about 6× and the cube root about 5×
 * faster here. Only loaded when {@code jdk.incubator.vector} is in the boot layer ({@link KernelKind}).
 */
final class VectorFrontEndKernel implements FrontEndKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public void filterStep(float[] poleRe, float[] poleIm, float[] inputGain, float[] stageGain, float[] memory,
                    float x, float[] out) {
        int channels = poleRe.length;
        int bound = SPECIES.loopBound(channels);
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector ar = FloatVector.fromArray(SPECIES, poleRe, c);
            FloatVector ai = FloatVector.fromArray(SPECIES, poleIm, c);
            FloatVector g = FloatVector.fromArray(SPECIES, stageGain, c);
            FloatVector inRe = FloatVector.fromArray(SPECIES, inputGain, c).mul(x);
            FloatVector inIm = FloatVector.zero(SPECIES);
            FloatVector nr = inRe;
            for (int k = 0; k < GammatoneFilterbank.STAGES; k++) {
                int re = 2 * k * channels + c;
                int im = re + channels;
                FloatVector sr = FloatVector.fromArray(SPECIES, memory, re);
                FloatVector si = FloatVector.fromArray(SPECIES, memory, im);
                // The scalar order exactly: (ar·sr − ai·si) + in and (ar·si + ai·sr) + in.
                nr = ar.mul(sr).sub(ai.mul(si)).add(inRe);
                FloatVector ni = ar.mul(si).add(ai.mul(sr)).add(inIm);
                nr.intoArray(memory, re);
                ni.intoArray(memory, im);
                inRe = g.mul(nr);
                inIm = g.mul(ni);
            }
            nr.mul(2f).intoArray(out, c);
        }
        FrontEndKernel.filterStep(poleRe, poleIm, inputGain, stageGain, memory, x, out, bound, channels);
    }

    @Override
    public void rectifyCompress(Compression compression, float[] motion, float[] drive) {
        if (compression != Compression.CUBE_ROOT) {
            FrontEndKernel.rectifyCompress(compression, motion, drive, 0, motion.length);
            return;
        }
        int bound = SPECIES.loopBound(motion.length);
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(SPECIES, motion, c);
            cubeRoot(x.max(FastCubeRoot.FLOOR)).blend(0f, x.compare(VectorOperators.LE, 0f)).intoArray(drive, c);
        }
        FrontEndKernel.rectifyCompress(compression, motion, drive, bound, motion.length);
    }

    /** {@link FastCubeRoot#of} lane by lane, with the same operations in the same order. */
    private static FloatVector cubeRoot(FloatVector x) {
        FloatVector bits = (FloatVector) x.reinterpretAsInts().convert(VectorOperators.I2F, 0);
        IntVector guess = (IntVector) bits.mul(1f / 3f).convert(VectorOperators.F2I, 0);
        FloatVector y = guess.add(FastCubeRoot.BIAS).reinterpretAsFloats();
        FloatVector third = x.mul(1f / 3f);
        for (int i = 0; i < FastCubeRoot.NEWTON_STEPS; i++) {
            y = y.mul(2f / 3f).add(third.div(y.mul(y)));
        }
        return y;
    }
}
