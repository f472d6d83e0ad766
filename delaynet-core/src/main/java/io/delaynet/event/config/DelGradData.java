package io.delaynet.event.config;

import io.delaynet.config.AugmentSection;
import io.delaynet.config.ConfigException;
import io.delaynet.config.MemoryCheck;
import io.delaynet.data.DataDirectory;
import io.delaynet.data.mnist.ImageResampling;
import io.delaynet.data.mnist.MnistData;
import io.delaynet.data.mnist.MnistVariant;
import io.delaynet.data.mnist.PixelLatencyEncoding;
import io.delaynet.data.mnist.TrainValidationSplit;
import io.delaynet.data.yinyang.LatencyEncoding;
import io.delaynet.data.yinyang.YinYang;
import io.delaynet.event.InputAugmentation;
import io.delaynet.event.SpikeData;
import io.delaynet.run.RunContext;
import io.delaynet.train.Split;
import io.delaynet.util.RandomStreams;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The spike-time data of a DelGrad run: the splits, already encoded, the number of input lines and
 * classes, the files they came from, and how training images are augmented.
 *
 * @param splits       encoded samples per split
 * @param inputs       input lines per sample
 * @param classes      output classes (the last layer needs one neuron per class)
 * @param files        data files read, by role, for provenance (empty for generated data)
 * @param augmentation redraws training samples from their augmented images ({@code data.augment})
 */
record DelGradData(Map<Split, SpikeData> splits, int inputs, int classes, Map<String, Path> files,
                   InputAugmentation augmentation) {

    /** The side of the images before the authors' 16x16 crop-and-resize, and the crop. */
    private static final int SIDE = 28;
    private static final int CROP = 24;

    static DelGradData load(DelGradConfig.Data d, long seed, RunContext context) {
        return d.isYinYang() ? yinYang(d) : images(d, seed, context);
    }

    private static DelGradData yinYang(DelGradConfig.Data d) {
        if (AugmentSection.orOff(d.augment()).active()) {
            throw new ConfigException("config: data.augment applies to mnist and fashion-mnist only; remove it for yinyang");
        }
        LatencyEncoding encoding = new LatencyEncoding(d.early(), d.late(),
                d.biasTimes().stream().mapToDouble(Double::doubleValue).toArray(), d.replicas());
        requireRoomFor(4L * d.replicas() + d.biasTimes().size(),
                YinYang.train().size() + YinYang.validation().size() + YinYang.test().size(), d.replicas());
        Map<Split, SpikeData> splits = new EnumMap<>(Split.class);
        splits.put(Split.TRAIN, encode(YinYang.train(), encoding));
        splits.put(Split.VALIDATION, encode(YinYang.validation(), encoding));
        splits.put(Split.TEST, encode(YinYang.test(), encoding));
        return new DelGradData(splits, encoding.width(4), 3, Map.of(), InputAugmentation.NONE);
    }

    /**
     * Refuses replicas whose encoded inputs cannot exist: more lines per sample than a Java array holds,
     * or more encoded times in all than the heap (before anything is allocated, so the error is one line).
     */
    private static void requireRoomFor(long lines, long samples, int replicas) {
        long heap = (long) (Runtime.getRuntime().maxMemory() * MemoryCheck.USABLE_FRACTION);
        if (lines > Integer.MAX_VALUE - 8 || MemoryCheck.doubles(lines) * samples > heap) { // || keeps the product from overflowing
            throw new ConfigException(String.format(java.util.Locale.ROOT, "config: data.replicas = %d gives %d input "
                    + "lines per sample, %.3g MiB for the %d encoded Yin-Yang samples, but this JVM may use %d MiB; "
                    + "use fewer replicas", replicas, lines, lines * (double) Double.BYTES * samples / (1 << 20), samples,
                    heap >> 20));
        }
    }

    private static SpikeData encode(YinYang.Split split, LatencyEncoding encoding) {
        double[][] inputs = new double[split.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = encoding.encode(split.features()[i]);
        }
        return new SpikeData(inputs, split.labels().clone());
    }

    private static DelGradData images(DelGradConfig.Data d, long seed, RunContext context) {
        if (d.replicas() != 1 || !d.biasTimes().isEmpty()) {
            throw new ConfigException("config: data.replicas and data.bias_times apply to yinyang only; "
                    + "remove them for " + d.dataset());
        }
        MnistData data = MnistData.load(directory(d.dir(), context), MnistVariant.parse(d.dataset()));
        MnistData.ImageSet original = data.train();
        MnistData.ImageSet train = original;
        MnistData.ImageSet test = data.test();
        PixelLatencyEncoding.Brightness scale = PixelLatencyEncoding.Brightness.BY_256;
        if (d.resolution() == 16) {
            train = ImageResampling.centerCropResize(train, SIDE, CROP, 16);
            test = ImageResampling.centerCropResize(test, SIDE, CROP, 16);
            scale = PixelLatencyEncoding.Brightness.BY_255_FLOAT;
        }
        if (d.validationSize() >= train.count()) {
            throw new ConfigException("config: data.validation_size is " + d.validationSize()
                    + " but the training set has only " + train.count() + " images; use a smaller value");
        }
        TrainValidationSplit split = "random".equals(d.split())
                ? TrainValidationSplit.draw(train.count(), d.validationSize(), new RandomStreams(seed).stream("split"))
                : TrainValidationSplit.last(train.count(), d.validationSize());
        PixelLatencyEncoding encoding = new PixelLatencyEncoding(d.early(), d.late(), scale, "silent".equals(d.black()));
        Map<Split, SpikeData> splits = new EnumMap<>(Split.class);
        SpikeData trainTimes = encode(train, split.train(), d.trainLimit(), encoding);
        splits.put(Split.TRAIN, trainTimes);
        splits.put(Split.VALIDATION, encode(train, split.validation(), d.evalLimit(), encoding));
        int[] all = new int[test.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        splits.put(Split.TEST, encode(test, all, d.evalLimit(), encoding));
        AugmentSection augment = AugmentSection.orOff(d.augment());
        InputAugmentation augmentation = !augment.active() ? InputAugmentation.NONE
                : new AugmentedImageTimes(original, Arrays.copyOf(split.train(), trainTimes.size()), SIDE, CROP,
                        d.resolution(), augment.augmentation(), encoding, new RandomStreams(seed));
        return new DelGradData(splits, train.imageSize(), 10, data.files(), augmentation);
    }

    private static SpikeData encode(MnistData.ImageSet set, int[] images, int limit, PixelLatencyEncoding encoding) {
        int n = limit == 0 ? images.length : Math.min(limit, images.length);
        double[][] inputs = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = encoding.encode(set, images[i]);
            labels[i] = set.label(images[i]);
        }
        return new SpikeData(inputs, labels);
    }

    /** {@code data.dir} when set, else the run's data folder (--data-dir, $DELAYNET_DATA or ../shared/data). */
    private static Path directory(String configured, RunContext context) {
        if (configured != null && !configured.isBlank()) {
            return DataDirectory.usable(Path.of(configured), "data.dir");
        }
        if (context != null && context.dataDir() != null) {
            return context.dataDir();
        }
        throw new ConfigException("no data directory given; pass --data-dir DIR, set the " + DataDirectory.ENV_VAR
                + " environment variable, or set data.dir in the config (the folder holding mnist/ and fashion-mnist/)");
    }
}
