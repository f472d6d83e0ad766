package io.delaynet.data.audio;

/** Plain loops; runs on any JVM. */
final class ScalarFrontEndKernel implements FrontEndKernel {
    @Override
    public void filterStep(float[] poleRe, float[] poleIm, float[] inputGain, float[] stageGain, float[] memory,
                    float x, float[] out) {
        FrontEndKernel.filterStep(poleRe, poleIm, inputGain, stageGain, memory, x, out, 0, poleRe.length);
    }

    @Override
    public void rectifyCompress(Compression compression, float[] motion, float[] drive) {
        FrontEndKernel.rectifyCompress(compression, motion, drive, 0, motion.length);
    }
}
