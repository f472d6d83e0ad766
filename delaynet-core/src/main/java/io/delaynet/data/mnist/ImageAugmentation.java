package io.delaynet.data.mnist;

import java.util.SplittableRandom;

/**
 * The NA release's MNIST augmentation, torchvision's {@code RandomCrop(size, padding)} followed by
 * {@code RandomRotation(degrees)}: the image is padded with black by {@code padding} pixels on every
 * side and a window of the original size is cut at a uniformly drawn offset (a shift by
 * -padding..padding pixels in each direction), then rotated about its centre by an angle drawn
 * uniformly from [-degrees, degrees] with nearest-neighbour sampling (torchvision's default) and
 * black outside. Pixels stay bytes, so any encoder can read the result. Optionally the result is then
 * mirrored left to right with probability one half (torchvision's {@code RandomHorizontalFlip}, the usual
 * augmentation for Fashion-MNIST's garments, which have no handedness; digits do, so MNIST leaves it off).
 *
 * <p>Deterministic: what an image becomes depends only on the random stream it is given, which the
 * caller derives from (seed, epoch, image), never from the order or thread that draws it.
 */
public record ImageAugmentation(int padding, double degrees, boolean flip) {
    /** Crop and rotation only. */
    public ImageAugmentation(int padding, double degrees) {
        this(padding, degrees, false);
    }

    public ImageAugmentation {
        if (padding < 0 || !(degrees >= 0)) {
            throw new IllegalArgumentException("padding and degrees must be >= 0, got " + padding + " and " + degrees);
        }
    }

    /** Whether it changes anything at all. */
    public boolean active() {
        return padding > 0 || degrees > 0 || flip;
    }

    /**
     * Writes the augmented {@code rows x cols} image starting at {@code source[base]} into
     * {@code out[0 .. rows*cols)}. Draws, in this order: the crop's column offset, its row offset,
     * the angle, and (only with {@code flip}) whether to mirror; so turning the flip on leaves the crops
     * and angles of the same stream as they were.
     */
    public void apply(byte[] source, int base, int rows, int cols, SplittableRandom random, byte[] out) {
        int dx = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
        int dy = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
        double angle = degrees == 0 ? 0 : Math.toRadians(-degrees + 2 * degrees * random.nextDouble());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cx = (cols - 1) / 2.0;
        double cy = (rows - 1) / 2.0;
        boolean mirror = flip && random.nextBoolean();
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                // the rotated image at (x, y) shows the cropped image at the inverse rotation of (x, y)
                double rx = x - cx;
                double ry = y - cy;
                int sx = (int) Math.round(cos * rx + sin * ry + cx);
                int sy = (int) Math.round(-sin * rx + cos * ry + cy);
                byte v = 0;
                if (sx >= 0 && sx < cols && sy >= 0 && sy < rows) {
                    // the crop at offset (dx, dy) shows the original at (sx + dx, sy + dy), black off the image
                    int ox = sx + dx;
                    int oy = sy + dy;
                    if (ox >= 0 && ox < cols && oy >= 0 && oy < rows) {
                        v = source[base + oy * cols + ox];
                    }
                }
                out[y * cols + (mirror ? cols - 1 - x : x)] = v;
            }
        }
    }
}
