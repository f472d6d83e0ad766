package io.delaynet.data.mnist;

/**
 * Brightness to one spike time per pixel, the Yin-Yang-style encoding of Fast&amp;Deep and DelGrad:
 * t = early + (1 - p)(late - early), so white pixels spike first (at {@code early}) and black ones
 * last (at {@code late}), or not at all when {@code blackSilent} is set (the authors' 16x16 MNIST,
 * {@code late_at_inf}).
 *
 * <p>The brightness p of a byte follows the authors' two loaders, which differ: the 28x28 one
 * divides by 256 in double precision (a white pixel spikes at early + 1.85/256, not at early); the
 * 16x16 one receives single-precision values byte / 255 from torchvision's {@code ToTensor}.
 *
 * @param early       spike time of a white pixel (p = 1), in units of tau_s
 * @param late        spike time of a black pixel (p = 0)
 * @param scale       how a byte becomes a brightness
 * @param blackSilent black pixels (byte 0) do not spike at all
 */
public record PixelLatencyEncoding(double early, double late, Brightness scale, boolean blackSilent) {

    /** The two byte-to-brightness rules of the authors' loaders. */
    public enum Brightness {
        /** p = byte / 256 in double precision (the authors' 28x28 {@code FullMnist}). */
        BY_256,
        /** p = byte / 255 in single precision (torchvision's {@code ToTensor}, the authors' 16x16 set). */
        BY_255_FLOAT;

        double of(int value) {
            return this == BY_256 ? value * (1.0 / 256.0) : (double) (value / 255f);
        }
    }

    public PixelLatencyEncoding {
        if (!(late > early) || !Double.isFinite(early) || !Double.isFinite(late)) {
            throw new IllegalArgumentException("encoding needs finite early < late, got " + early + ", " + late);
        }
        if (scale == null) {
            throw new IllegalArgumentException("encoding needs a brightness scale");
        }
    }

    /** The spike time of a pixel of this brightness (0-255); +inf for a silent black pixel. */
    public double time(int value) {
        if (value == 0 && blackSilent) {
            return Double.POSITIVE_INFINITY;
        }
        double inverted = scale.of(value) * -1.0 + 1.0; // the authors' "invert white and black"
        return early + inverted * (late - early);
    }

    /** One image of a set as spike times, one per pixel in row-major order. */
    public double[] encode(MnistData.ImageSet set, int image) {
        double[] out = new double[set.imageSize()];
        int base = image * set.imageSize();
        for (int i = 0; i < out.length; i++) {
            out[i] = time(set.pixels()[base + i] & 0xFF);
        }
        return out;
    }
}
