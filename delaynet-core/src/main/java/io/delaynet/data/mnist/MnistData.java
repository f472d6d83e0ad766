package io.delaynet.data.mnist;

import io.delaynet.data.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training and test sets of one MNIST-layout data set, checked on load (magic numbers,
 * sizes and the raw-byte MD5s, which also vouch for the labels being 0-9).
 *
 * @param variant which data set
 * @param train   the 60,000 training images
 * @param test    the 10,000 test images
 * @param files   the files read, by role ("train-images", ...), for provenance
 */
public record MnistData(MnistVariant variant, ImageSet train, ImageSet test, Map<String, Path> files) {

    /** Image and label file stems, as the data set authors name them. */
    private static final String TRAIN = "train";
    private static final String TEST = "t10k";

    /**
     * Loads {@code dataDir/<variant folder>/{train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]}.
     *
     * @throws DataFormatException if a file is missing or fails a check
     */
    public static MnistData load(Path dataDir, MnistVariant variant) {
        Path folder = dataDir.resolve(variant.folder());
        Map<String, Path> files = new LinkedHashMap<>();
        ImageSet train = loadSet(folder, TRAIN, variant, true, files);
        ImageSet test = loadSet(folder, TEST, variant, false, files);
        return new MnistData(variant, train, test, Map.copyOf(files));
    }

    private static ImageSet loadSet(Path folder, String stem, MnistVariant variant, boolean train,
                                    Map<String, Path> files) {
        Path imagesFile = locate(folder, stem + "-images-idx3-ubyte");
        Path labelsFile = locate(folder, stem + "-labels-idx1-ubyte");
        files.put(stem + "-images", imagesFile);
        files.put(stem + "-labels", labelsFile);
        IdxFile images = IdxFile.read(imagesFile, 3, variant.md5(train, true));
        IdxFile labels = IdxFile.read(labelsFile, 1, variant.md5(train, false));
        if (images.count() != labels.count()) {
            throw new DataFormatException(imagesFile + " holds " + images.count() + " images but " + labelsFile
                    + " holds " + labels.count() + " labels; the two files must come from the same download");
        }
        int rows = images.dimensions()[1];
        int cols = images.dimensions()[2];
        return new ImageSet(images.data(), labels.data(), images.count(), rows * cols);
    }

    /** The gzip file if present, else the raw one; a one-line error naming both when neither exists. */
    static Path locate(Path folder, String name) {
        Path gz = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = folder.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new DataFormatException("missing " + gz + " (or the uncompressed " + name + "); point --data-dir, "
                + "the config key data.dir or DELAYNET_DATA at the folder that holds mnist/ and fashion-mnist/");
    }

    /**
     * Images and labels of one part of the data set.
     *
     * @param pixels    all images, row-major, one byte per pixel (0 = black, 255 = white)
     * @param labels    one class per image, 0-9
     * @param count     number of images
     * @param imageSize pixels per image (784)
     */
    public record ImageSet(byte[] pixels, byte[] labels, int count, int imageSize) {
        public int label(int image) {
            return labels[image];
        }

        /** Brightness of one pixel, 0-255. */
        public int pixel(int image, int index) {
            return pixels[image * imageSize + index] & 0xFF;
        }
    }
}
