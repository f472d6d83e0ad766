package io.delaynet.stepped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.data.mnist.ImageAugmentation;
import io.delaynet.data.mnist.IntensityNormalisation;
import io.delaynet.data.mnist.MnistData;
import io.delaynet.data.mnist.MnistVariant;
import io.delaynet.data.mnist.TrainValidationSplit;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.Split;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The standardised intensity input (data.encoding.normalise): the training split's mean and std
 * against a direct two-pass computation (validation images left out), every pixel's current
 * (b / 255 - mean) / std at every step, black ones included, the unnormalised input unchanged,
 * and the configuration's one-line errors.
 */
class NormalisedIntensityTest {
    private static final int SIZE = 16;
    private static final int STEPS = 3;

    private static MnistData data(int images) {
        SplittableRandom r = new SplittableRandom(3);
        byte[] pixels = new byte[images * SIZE];
        byte[] labels = new byte[images];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) (r.nextInt(3) == 0 ? 0 : r.nextInt(256)); // a third black, as in MNIST-like images
        }
        MnistData.ImageSet set = new MnistData.ImageSet(pixels, labels, images, SIZE);
        return new MnistData(MnistVariant.parse("fashion-mnist"), set, set, Map.of());
    }

    @Test
    void meanAndStdAreThoseOfTheTrainingSplitOnly() {
        MnistData data = data(10);
        TrainValidationSplit split = TrainValidationSplit.last(10, 3);
        IntensityNormalisation n = IntensityNormalisation.of(data.train(), split.train());
        double sum = 0;
        int count = 0;
        for (int image : split.train()) {
            for (int p = 0; p < SIZE; p++) {
                sum += (data.train().pixels()[image * SIZE + p] & 0xFF) / 255.0;
                count++;
            }
        }
        double mean = sum / count;
        double squares = 0;
        for (int image : split.train()) {
            for (int p = 0; p < SIZE; p++) {
                double d = (data.train().pixels()[image * SIZE + p] & 0xFF) / 255.0 - mean;
                squares += d * d;
            }
        }
        assertEquals(7 * SIZE, count);
        assertEquals(mean, n.mean(), 1e-12);
        assertEquals(Math.sqrt(squares / count), n.std(), 1e-12);
        IntensityNormalisation all = IntensityNormalisation.of(data.train(), new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertTrue(all.mean() != n.mean(), "the validation images would have changed the mean");
    }

    @Test
    void everyPixelGetsItsStandardisedCurrentAtEveryStep() {
        MnistData data = data(4);
        TrainValidationSplit split = TrainValidationSplit.last(4, 1);
        IntensityNormalisation n = new IntensityNormalisation(0.25, 0.5);
        MnistSamples samples = new MnistSamples(data, split, null, STEPS, true, n, 0, 0, new ImageAugmentation(0, 0), 1);
        for (Split which : Split.values()) {
            SpikeEvents out = new SpikeEvents(STEPS);
            samples.encode(which, 0, out);
            int image = which == Split.TEST ? 0 : which == Split.TRAIN ? split.train()[0] : split.validation()[0];
            for (int t = 0; t < STEPS; t++) {
                assertEquals(SIZE, out.to(t) - out.from(t), "every pixel drives, black ones too");
                for (int e = out.from(t); e < out.to(t); e++) {
                    int b = data.train().pixels()[image * SIZE + out.neuron(e)] & 0xFF;
                    assertEquals((b / 255.0 - 0.25) / 0.5, out.value(e), 1e-15);
                }
            }
        }
    }

    @Test
    void withoutNormalisationTheInputIsByteOver255OfTheNonBlackPixels() {
        MnistData data = data(2);
        TrainValidationSplit split = TrainValidationSplit.last(2, 1);
        MnistSamples samples = new MnistSamples(data, split, null, STEPS, true, IntensityNormalisation.NONE, 0, 0,
                new ImageAugmentation(0, 0), 1);
        SpikeEvents out = new SpikeEvents(STEPS);
        samples.encode(Split.TEST, 1, out);
        int nonBlack = 0;
        for (int p = 0; p < SIZE; p++) {
            nonBlack += data.test().pixels()[SIZE + p] != 0 ? 1 : 0;
        }
        assertEquals(nonBlack, out.to(0) - out.from(0));
        for (int e = out.from(0); e < out.to(0); e++) {
            int b = data.test().pixels()[SIZE + out.neuron(e)] & 0xFF;
            assertEquals(b / 255.0, out.value(e), 0.0); // bit for bit the input of before the option
        }
    }

    private static SteppedConfig bind(String yaml) {
        SteppedMethod method = new SteppedMethod();
        return ConfigBinder.bind(ConfigTree.merge(method.defaults(), ConfigTree.parse(yaml, "test")),
                SteppedConfig.class, "test");
    }

    @Test
    void configurationBindsAndRefusesWhatMakesNoSense() {
        SteppedConfig.Encoding computed = bind("data: {encoding: {kind: intensity, normalise: true}}").data().encoding();
        assertTrue(computed.normalise());
        assertEquals(null, computed.givenNormalisation());
        SteppedConfig.Encoding given = bind("data: {encoding: {kind: intensity, normalise: true, mean: 0.1307, "
                + "std: 0.3081}}").data().encoding();
        assertEquals(new IntensityNormalisation(0.1307, 0.3081), given.givenNormalisation());
        assertTrue(!bind("{}").data().encoding().normalise());
        for (String bad : new String[] {
                "data: {encoding: {normalise: true}}",                                  // latency input
                "data: {encoding: {kind: intensity, normalise: true, mean: 0.2}}",      // std missing
                "data: {encoding: {kind: intensity, mean: 0.2, std: 0.3}}",             // without normalise
                "data: {encoding: {kind: intensity, normalise: true, mean: 0.2, std: 0}}"}) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> bind(bad), bad);
            assertTrue(e instanceof ConfigException || e instanceof IllegalArgumentException, bad + ": " + e);
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
