package io.delaynet.data.audio;

/**
 * The static non-linearity of the inner hair cell, applied after half-wave rectification: it maps
 * basilar-membrane motion to neural drive, squeezing the ~60 dB level range of speech into a range a
 * neuron's firing rate can follow. Both map 0 to 0 and full scale (1) to 1.
 */
public enum Compression {
    /** x^(1/3): Stevens' power law for loudness; 60 dB of input become 20 dB of drive. */
    CUBE_ROOT {
        @Override
        public float apply(float x) {
            return x > 0 ? FastCubeRoot.of(x) : 0f;
        }
    },
    /** ln(1 + 100 x) / ln(101): logarithmic above x = 0.01 (-40 dB re full scale), linear below it. */
    LOG {
        @Override
        public float apply(float x) {
            return x > 0 ? (float) (Math.log1p(x * 100.0) / Math.log1p(100.0)) : 0f;
        }
    };

    /** Rectifies and compresses one value: 0 for x ≤ 0. */
    public abstract float apply(float x);
}
