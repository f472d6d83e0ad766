package io.delaynet.event.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.data.mnist.SharedData;
import io.delaynet.event.DelGradLearner;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MNIST examples build, encode as documented, and train bit-identically on 1 and 2 threads. */
class MnistDelGradTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static DelGradLearner learner(String example, List<String> overrides) {
        ResolvedConfig rc = ResolvedConfig.resolve(EXAMPLES.resolve(example), overrides);
        return (DelGradLearner) rc.build(new RunContext(SharedData.directoryOrSkip())).learner();
    }

    @Test
    void theSixteenBySixteenExampleHasTheAuthorsShape() {
        DelGradLearner l = learner("mnist-delgrad-16x16.yaml", List.of("data.train_limit=10", "data.eval_limit=10"));
        assertEquals(256, l.network().inputSize());
        assertEquals(256 * 128 + 128 * 10, l.parameters().stream().mapToInt(ParameterGroup::size).sum());
        double[] first = l.data(Split.TRAIN).inputs()[0];
        int silent = 0;
        for (double t : first) {
            assertTrue(t == Double.POSITIVE_INFINITY || t >= 0.15 && t <= 2.0, "time " + t);
            silent += t == Double.POSITIVE_INFINITY ? 1 : 0;
        }
        assertTrue(silent > 80 && silent < 220, "black background silent: " + silent);
        assertEquals(10, l.data(Split.VALIDATION).size());
        // the held-out-last split: validation starts at training image 50,000
        DelGradLearner all = learner("mnist-delgrad-16x16.yaml", List.of("data.train_limit=1", "data.eval_limit=0"));
        assertEquals(50_000, all.size(Split.TRAIN) == 1 ? 50_000 : -1);
        assertEquals(10_000, all.size(Split.VALIDATION));
    }

    @Test
    void noisyTrainingIsBitIdenticalOnOneAndTwoThreads() {
        List<double[]> one = train(1);
        List<double[]> two = train(2);
        for (int g = 0; g < one.size(); g++) {
            assertArrayEquals(one.get(g), two.get(g), 0.0, "group " + g);
        }
    }

    @Test
    void augmentedTrainingIsBitIdenticalOnOneAndTwoThreadsAndDiffersFromPlain() {
        String[] augment = {"data.augment.crop_padding=2", "data.augment.rotation_degrees=10"};
        List<double[]> one = train(1, augment);
        List<double[]> two = train(2, augment);
        for (int g = 0; g < one.size(); g++) {
            assertArrayEquals(one.get(g), two.get(g), 0.0, "group " + g);
        }
        List<double[]> plain = train(1, "data.augment.crop_padding=0", "data.augment.rotation_degrees=0");
        assertFalse(Arrays.equals(one.get(0), plain.get(0)), "the augmented images trained other weights");
    }

    @Test
    void augmentationRedrawsTrainingImagesOnlyAndIsCheckpointed() {
        List<String> on = List.of("data.train_limit=10", "data.eval_limit=10", "data.augment.crop_padding=2",
                "data.augment.rotation_degrees=10");
        ResolvedConfig rc = ResolvedConfig.resolve(EXAMPLES.resolve("mnist-delgrad-16x16.yaml"), on);
        var experiment = rc.build(new RunContext(SharedData.directoryOrSkip()));
        DelGradLearner l = (DelGradLearner) experiment.learner();
        assertTrue(l.inputAugmentation().active());
        double[] clean = l.data(Split.TRAIN).inputs()[3];
        double[] drawn = l.inputAugmentation().apply(3, 0, clean, new double[256]);
        assertFalse(Arrays.equals(clean, drawn), "a shifted and turned digit");
        for (double t : drawn) {
            assertTrue(t == Double.POSITIVE_INFINITY || t >= 0.15 && t <= 2.0, "time " + t);
        }
        // the draws follow the batch count, which a checkpoint must therefore keep (the 16x16 example has noise;
        // switch it off to see that augmentation alone asks for it)
        var noNoise = ResolvedConfig.resolve(EXAMPLES.resolve("mnist-delgrad-16x16.yaml"),
                concat(on, "data.noise=0")).build(new RunContext(SharedData.directoryOrSkip()));
        assertTrue(noNoise.extraState().containsKey("input_noise_batches"));
        var plain = ResolvedConfig.resolve(EXAMPLES.resolve("mnist-delgrad-16x16.yaml"),
                List.of("data.train_limit=10", "data.eval_limit=10", "data.noise=0"))
                .build(new RunContext(SharedData.directoryOrSkip()));
        assertFalse(((DelGradLearner) plain.learner()).inputAugmentation().active());
        assertFalse(plain.extraState().containsKey("input_noise_batches"));
    }

    @Test
    void yinYangRefusesAugmentation() {
        ConfigException e = assertThrows(ConfigException.class, () -> ResolvedConfig.resolve(null,
                List.of("data.augment.crop_padding=2")).build(new RunContext(null)));
        assertTrue(e.getMessage().contains("data.augment applies to mnist"), e.getMessage());
    }

    private static List<String> concat(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    private static List<double[]> train(int threads, String... more) {
        List<String> overrides = concat(List.of("data.train_limit=100", "data.eval_limit=20",
                "training.threads=" + threads, "training.epochs=2"), more);
        DelGradLearner l = learner("mnist-delgrad-synaptic.yaml", overrides);
        var options = ResolvedConfig.resolve(EXAMPLES.resolve("mnist-delgrad-synaptic.yaml"),
                List.of("training.threads=" + threads, "training.epochs=2")).build(new RunContext(SharedData.directoryOrSkip()))
                .training().toOptions();
        try (Trainer<DelGradLearner.Workspace> trainer = new Trainer<>(l, options)) {
            trainer.fit(0, TrainingListener.NONE);
        }
        List<double[]> values = new ArrayList<>();
        for (ParameterGroup g : l.parameters()) {
            values.add(g.values().clone());
        }
        assertEquals(4, l.batchesTrained(), "two epochs of two batches");
        return values;
    }

    @Test
    void theLastLayerMustMatchTheTenClasses() {
        SharedData.directoryOrSkip(); // skip here without the data: inside assertThrows the skip would count as a wrong exception
        ConfigException e = assertThrows(ConfigException.class, () -> learner("mnist-delgrad-16x16.yaml",
                List.of("data.train_limit=1", "data.eval_limit=1",
                        "network.layers=[{size: 128, delays: none}, {size: 3, delays: none}]")));
        assertTrue(e.getMessage().contains("10 neurons"), e.getMessage());
    }
}
