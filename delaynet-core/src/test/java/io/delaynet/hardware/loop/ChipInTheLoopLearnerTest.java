package io.delaynet.hardware.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigBinder;
import io.delaynet.event.DelGradLearner;
import io.delaynet.event.config.DelGradConfig;
import io.delaynet.event.config.DelGradMethod;
import io.delaynet.hardware.config.ChipSections;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.train.Learner;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ChipInTheLoopLearnerTest {

    /** The delgrad-chip defaults (the authors' hardware setup) with overrides. */
    static ObjectNode tree(String... overrides) {
        List<String> all = new ArrayList<>(List.of("method=delgrad-chip", "training.threads=1"));
        all.addAll(List.of(overrides));
        return ResolvedConfig.resolve(null, all).tree();
    }

    static DelGradConfig delGradPart(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        copy.remove("backend");
        copy.remove("hardware_aware");
        copy.remove("chip");
        return ConfigBinder.bind(copy, DelGradConfig.class, "test");
    }

    static ChipSections chipPart(ObjectNode tree) {
        ObjectNode own = tree.objectNode();
        own.set("backend", tree.get("backend"));
        own.set("hardware_aware", tree.get("hardware_aware"));
        own.set("chip", tree.get("chip"));
        return ConfigBinder.bind(own, ChipSections.class, "test");
    }

    static <W extends Learner.Workspace> List<double[]> trainOneEpoch(Learner<W> learner, DelGradConfig config, int threads) {
        TrainingOptions options = config.training().toOptions();
        options = new TrainingOptions(1, options.batchSize(), options.seed(), threads, options.learningRates(),
                options.schedule(), options.amsgrad());
        try (Trainer<W> trainer = new Trainer<>(learner, options)) {
            trainer.trainEpoch(0, io.delaynet.train.TrainingListener.NONE);
        }
        return learner.parameters().stream().map(g -> g.values().clone()).toList();
    }

    @Test
    void withTheIdealBackendAndNoHardwareAwarenessItTrainsExactlyLikeDelGrad() {
        ObjectNode t = tree("backend.type=ideal", "hardware_aware.round_weights=false", "hardware_aware.clip_weights=false");
        DelGradConfig config = delGradPart(t);
        DelGradLearner plain = DelGradMethod.learner(config);
        DelGradLearner loop = io.delaynet.hardware.config.ChipMethod.inTheLoop(config, chipPart(t)).learner();
        List<double[]> expected = trainOneEpoch(plain, config, 1);
        List<double[]> actual = trainOneEpoch(loop, config, 1);
        for (int g = 0; g < expected.size(); g++) {
            assertArrayEquals(expected.get(g), actual.get(g), 1e-12, "group " + g);
        }
        assertTrue(expected.get(0)[0] != delGradPart(t).network().layers().get(0).weightsMean(), "something was trained");
    }

    @Test
    void trainingInTheLoopImprovesAccuracyOnTheEmulatedChipWhateverTheThreadCount() {
        ObjectNode t = tree(); // emulated chip, default noise
        DelGradConfig config = delGradPart(t);
        DelGradLearner loop = io.delaynet.hardware.config.ChipMethod.inTheLoop(config, chipPart(t)).learner();
        double before;
        try (Trainer<DelGradLearner.Workspace> trainer = new Trainer<>(loop, config.training().toOptions())) {
            before = trainer.evaluate(Split.TEST).accuracy();
        }
        List<double[]> oneThread = trainOneEpoch(loop, config, 1);
        trainOneEpoch(loop, config, 1);
        double after;
        try (Trainer<DelGradLearner.Workspace> trainer = new Trainer<>(loop, config.training().toOptions())) {
            after = trainer.evaluate(Split.TEST).accuracy();
        }
        // untrained, the outputs hardly spike (weights ~ N(0.075, 0.15)): accuracy near 0
        assertTrue(after > before + 0.3 && after > 0.5, "test accuracy on the chip: untrained " + before
                + ", after two epochs in the loop " + after);

        DelGradLearner again = io.delaynet.hardware.config.ChipMethod.inTheLoop(config, chipPart(t)).learner();
        List<double[]> threeThreads = trainOneEpoch(again, config, 3);
        for (int g = 0; g < oneThread.size(); g++) {
            assertArrayEquals(oneThread.get(g), threeThreads.get(g), "group " + g + ": same numbers with 1 or 3 threads");
        }
    }

    @Test
    void hardwareAwareTrainingDeploysGridWeightsAndKeepsFloatsInTheChipsRange() {
        ObjectNode t = tree("network.layers=[{size: 30, delays: axonal, delay_sharing: 5, weights_mean: 1.0, weights_std: 3.0},"
                + " {size: 3, delays: axonal, weights_mean: 0.075, weights_std: 0.15}]");
        DelGradConfig config = delGradPart(t);
        ChipInTheLoop loop = io.delaynet.hardware.config.ChipMethod.inTheLoop(config, chipPart(t));
        for (ParameterGroup g : loop.learner().parameters()) {
            if (g.rateKey().equals("weights")) {
                for (double w : g.values()) {
                    assertTrue(Math.abs(w) <= 2.1 + 1e-12, "float weight " + w + " outside the chip's range");
                }
            }
        }
        assertTrue(loop.learner().loss() instanceof NoDecisionOnTies, "the chip readout decides ties");
        var chip = (io.delaynet.hardware.chip.EmulatedChip) loop.forwardPass().backend();
        for (var layer : chip.loaded()) {
            for (double w : layer.weights()) {
                assertEquals(Math.rint(w * 30), w * 30, 1e-9);
            }
        }
    }

    @Test
    void aTieForTheEarliestOutputIsNoDecision() {
        NoDecisionOnTies readout = new NoDecisionOnTies((times, label, gradient) -> 0.0);
        assertEquals(1, readout.predict(new double[] {3.0, 2.0, 2.5}));
        assertEquals(-1, readout.predict(new double[] {2.0, 2.0, 2.5}));
        assertEquals(2, readout.predict(new double[] {2.0, 2.0, 1.99}));
        assertEquals(-1, readout.predict(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}));
    }
}
