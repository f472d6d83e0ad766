package io.delaynet.data.mnist;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A partition of the training images into a training and a validation part: random (the
 * delay-only reference's 48,000 / 12,000), fixed by the random stream it is drawn from so that a
 * seed always gives the same partition, or the last images held out (Fast&amp;Deep's 50,000 /
 * 10,000). Both parts list image indices in increasing order, so the partition does not depend on
 * how the trainer later shuffles.
 *
 * @param train      indices of the training images
 * @param validation indices of the held-out images
 */
public record TrainValidationSplit(int[] train, int[] validation) {

    /** The first {@code total - validationSize} images train, the last {@code validationSize} validate. */
    public static TrainValidationSplit last(int total, int validationSize) {
        if (validationSize < 0 || validationSize >= total) {
            throw new IllegalArgumentException("validation size must be in [0, " + total + "), got " + validationSize);
        }
        int[] train = new int[total - validationSize];
        int[] validation = new int[validationSize];
        for (int i = 0; i < total; i++) {
            if (i < train.length) {
                train[i] = i;
            } else {
                validation[i - train.length] = i;
            }
        }
        return new TrainValidationSplit(train, validation);
    }

    public static TrainValidationSplit draw(int total, int validationSize, SplittableRandom random) {
        if (validationSize < 0 || validationSize >= total) {
            throw new IllegalArgumentException("validation size must be in [0, " + total + "), got " + validationSize);
        }
        int[] order = new int[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        for (int i = total - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] validation = Arrays.copyOfRange(order, 0, validationSize);
        int[] train = Arrays.copyOfRange(order, validationSize, total);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new TrainValidationSplit(train, validation);
    }
}
