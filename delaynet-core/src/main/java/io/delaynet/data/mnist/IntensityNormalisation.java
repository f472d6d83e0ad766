package io.delaynet.data.mnist;

/**
 * The standardisation {@code (byte / 255 - mean) / std} of a pixel intensity, as torchvision's
 * {@code Normalize} after {@code ToTensor} in the NA and TSSL-BP releases. Black pixels become
 * {@code -mean / std}, no longer zero, so a normalised image drives every input at every step.
 *
 * @param mean the mean intensity in [0, 1] units that is subtracted
 * @param std  the spread the result is divided by, &gt; 0
 */
public record IntensityNormalisation(double mean, double std) {

    /** None: the intensity stays {@code byte / 255}. */
    public static final IntensityNormalisation NONE = new IntensityNormalisation(0, 1);

    public IntensityNormalisation {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be a finite number, got " + mean);
        }
        if (!(std > 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("std must be a positive number, got " + std);
        }
    }

    /**
     * The mean and (population) standard deviation of {@code byte / 255} over every pixel of the
     * given images of {@code set}: the training split only, so validation and test images never
     * shape the input.
     */
    public static IntensityNormalisation of(MnistData.ImageSet set, int[] images) {
        if (images.length == 0) {
            throw new IllegalArgumentException("no images to compute the mean and std from");
        }
        long[] histogram = new long[256]; // exact sums, independent of the order of the images
        byte[] pixels = set.pixels();
        int size = set.imageSize();
        for (int image : images) {
            for (int p = image * size, end = p + size; p < end; p++) {
                histogram[pixels[p] & 0xFF]++;
            }
        }
        double n = (double) images.length * size;
        double mean = 0;
        for (int b = 0; b < 256; b++) {
            mean += histogram[b] * (b / 255.0);
        }
        mean /= n;
        double variance = 0;
        for (int b = 0; b < 256; b++) {
            double d = b / 255.0 - mean;
            variance += histogram[b] * d * d;
        }
        return new IntensityNormalisation(mean, Math.sqrt(variance / n));
    }

    /** The input current of a pixel byte. */
    public double apply(int pixel) {
        return (pixel / 255.0 - mean) / std;
    }
}
