package io.delaynet.config;

import io.delaynet.data.mnist.ImageAugmentation;

/**
 * {@code data.augment:} random shifts, rotations and mirror images of training images, redrawn every
 * time an image is drawn; the same keys for every method that trains on images (the stepped engine
 * and DelGrad). Validation and test images are never augmented.
 *
 * @param cropPadding     pad by this many black pixels and cut the original size at a random offset
 * @param rotationDegrees then rotate by a random angle in [-d, d] degrees, nearest pixel
 * @param flipHorizontal  then mirror left to right with probability 1/2
 */
public record AugmentSection(int cropPadding, double rotationDegrees, boolean flipHorizontal) {
    /** Nothing changed: what an absent {@code data.augment} means. */
    public static final AugmentSection OFF = new AugmentSection(0, 0, false);

    public AugmentSection {
        if (cropPadding < 0 || cropPadding > 14) {
            throw new IllegalArgumentException("crop_padding must be in 0..14 pixels, got " + cropPadding);
        }
        if (!(rotationDegrees >= 0) || rotationDegrees > 180) {
            throw new IllegalArgumentException("rotation_degrees must be in [0, 180], got " + rotationDegrees);
        }
    }

    /** {@code section}, or {@link #OFF} when the key is absent. */
    public static AugmentSection orOff(AugmentSection section) {
        return section == null ? OFF : section;
    }

    public boolean active() {
        return cropPadding > 0 || rotationDegrees > 0 || flipHorizontal;
    }

    /** The image transform these keys describe. */
    public ImageAugmentation augmentation() {
        return new ImageAugmentation(cropPadding, rotationDegrees, flipHorizontal);
    }
}
