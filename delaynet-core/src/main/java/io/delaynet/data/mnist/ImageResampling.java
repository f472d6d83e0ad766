package io.delaynet.data.mnist;

/**
 * The authors' 16x16 MNIST: a centre crop followed by the antialiased bilinear resize that
 * torchvision's {@code Resize} performs on a PIL image, re-implemented from Pillow's published
 * algorithm so that the bytes come out as theirs do. The resize is separable: each output pixel is
 * a triangle-filter average whose support widens with the scale factor (1.5 for 24 to 16), computed
 * first along rows, then along columns, and each pass rounds to 8 bits with 22-bit fixed-point
 * coefficients, as Pillow does.
 */
public final class ImageResampling {
    /** Fixed-point bits of Pillow's 8-bit resampling coefficients (32 - 8 - 2). */
    private static final int PRECISION_BITS = 22;

    private ImageResampling() {
    }

    /**
     * Every image of {@code set} cropped to the centred {@code crop x crop} square and resized to
     * {@code size x size}; labels are kept.
     */
    public static MnistData.ImageSet centerCropResize(MnistData.ImageSet set, int side, int crop, int size) {
        if (side * side != set.imageSize()) {
            throw new IllegalArgumentException("images hold " + set.imageSize() + " pixels, not " + side + "x" + side);
        }
        if (crop < 1 || crop > side || size < 1 || size > crop) {
            throw new IllegalArgumentException("need 1 <= size <= crop <= side, got size " + size + ", crop "
                    + crop + ", side " + side);
        }
        int offset = (int) Math.round((side - crop) / 2.0); // torchvision's CenterCrop offset
        Kernel kernel = new Kernel(crop, size);
        byte[] out = new byte[set.count() * size * size];
        int[] rows = new int[crop * size]; // after the horizontal pass: crop rows of size pixels
        byte[] pixels = set.pixels();
        for (int image = 0; image < set.count(); image++) {
            int base = image * set.imageSize();
            for (int y = 0; y < crop; y++) {
                int rowStart = base + (y + offset) * side + offset;
                for (int x = 0; x < size; x++) {
                    rows[y * size + x] = kernel.apply(pixels, rowStart, 1, x);
                }
            }
            int target = image * size * size;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    out[target + y * size + x] = (byte) kernel.apply(rows, x, size, y);
                }
            }
        }
        return new MnistData.ImageSet(out, set.labels(), set.count(), size * size);
    }

    /** Pillow's triangle-filter coefficients for one axis, in fixed point. */
    private static final class Kernel {
        final int[] first;
        final int[] count;
        final int[][] coefficients;

        Kernel(int in, int out) {
            double scale = (double) in / out;
            double filterScale = Math.max(1.0, scale);
            double support = filterScale; // the bilinear (triangle) filter has support 1
            first = new int[out];
            count = new int[out];
            coefficients = new int[out][];
            for (int o = 0; o < out; o++) {
                double center = (o + 0.5) * scale;
                int lo = Math.max(0, (int) (center - support + 0.5));
                int hi = Math.min(in, (int) (center + support + 0.5));
                double[] w = new double[hi - lo];
                double sum = 0;
                for (int k = 0; k < w.length; k++) {
                    w[k] = triangle((k + lo - center + 0.5) / filterScale);
                    sum += w[k];
                }
                int[] fixed = new int[w.length];
                for (int k = 0; k < w.length; k++) {
                    double normalised = sum != 0 ? w[k] / sum : w[k];
                    fixed[k] = (int) (normalised < 0 ? -0.5 + normalised * (1 << PRECISION_BITS)
                            : 0.5 + normalised * (1 << PRECISION_BITS));
                }
                first[o] = lo;
                count[o] = w.length;
                coefficients[o] = fixed;
            }
        }

        private static double triangle(double x) {
            double a = Math.abs(x);
            return a < 1.0 ? 1.0 - a : 0.0;
        }

        /** Output sample {@code o} from bytes at {@code start + k * stride}, rounded and clipped to 0..255. */
        int apply(byte[] in, int start, int stride, int o) {
            int acc = 1 << (PRECISION_BITS - 1);
            int[] c = coefficients[o];
            for (int k = 0; k < count[o]; k++) {
                acc += (in[start + (first[o] + k) * stride] & 0xFF) * c[k];
            }
            return clip(acc);
        }

        int apply(int[] in, int start, int stride, int o) {
            int acc = 1 << (PRECISION_BITS - 1);
            int[] c = coefficients[o];
            for (int k = 0; k < count[o]; k++) {
                acc += in[start + (first[o] + k) * stride] * c[k];
            }
            return clip(acc);
        }

        private static int clip(int acc) {
            return Math.max(0, Math.min(255, acc >> PRECISION_BITS));
        }
    }
}
