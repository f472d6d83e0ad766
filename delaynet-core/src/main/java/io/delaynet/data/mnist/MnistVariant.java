package io.delaynet.data.mnist;

import io.delaynet.config.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The two data sets in the MNIST layout: the folder each lives in under the data directory and
 * the MD5s of their four raw (decompressed) idx files, as published by their authors.
 */
public enum MnistVariant {
    MNIST("mnist", "6bbc9ace898e44ae57da46a324031adb", "a25bea736e30d166cdddb491f175f624",
            "2646ac647ad5339dbf082846283269ea", "27ae3e4e09519cfbb04c329615203637"),
    FASHION_MNIST("fashion-mnist", "f4a8712d7a061bf5bd6d2ca38dc4d50a", "9018921c3c673c538a1fc5bad174d6f9",
            "8181f5470baa50b63fa0f6fddb340f0a", "15d484375f8d13e6eb1aabb0c3f46965");

    private final String folder;
    private final String trainImagesMd5;
    private final String trainLabelsMd5;
    private final String testImagesMd5;
    private final String testLabelsMd5;

    MnistVariant(String folder, String trainImagesMd5, String trainLabelsMd5, String testImagesMd5,
                 String testLabelsMd5) {
        this.folder = folder;
        this.trainImagesMd5 = trainImagesMd5;
        this.trainLabelsMd5 = trainLabelsMd5;
        this.testImagesMd5 = testImagesMd5;
        this.testLabelsMd5 = testLabelsMd5;
    }

    /** The folder name under the data directory, also the name used in configurations. */
    public String folder() {
        return folder;
    }

    String md5(boolean train, boolean images) {
        if (train) {
            return images ? trainImagesMd5 : trainLabelsMd5;
        }
        return images ? testImagesMd5 : testLabelsMd5;
    }

    /** Parses the configuration name ("mnist" or "fashion-mnist"). */
    public static MnistVariant parse(String name) {
        for (MnistVariant v : values()) {
            if (v.folder.equals(name.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new ConfigException("unknown data set '" + name + "'; use one of: "
                + Arrays.stream(values()).map(MnistVariant::folder).collect(Collectors.joining(", ")));
    }
}
