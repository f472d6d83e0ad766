package io.delaynet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.run.Method;
import io.delaynet.run.Methods;
import io.delaynet.train.OptimizerSettings;
import io.delaynet.train.TrainingOptions;
import io.delaynet.train.UpdateSchedule;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The optimizer, update and clipping keys of {@code training:}, and their one-line errors. */
class TrainingSectionTest {

    /** The training section of a method's defaults with YAML overrides laid over it. */
    private static TrainingSection section(String method, String yaml) {
        Method m = Methods.byName(method);
        ObjectNode defaults = (ObjectNode) m.defaults().get("training");
        ObjectNode tree = ConfigTree.merge(defaults, ConfigTree.parse(yaml, "test"));
        return ConfigBinder.bind(tree, TrainingSection.class, "config");
    }

    private static TrainingOptions options(String method, String yaml) {
        return section(method, yaml).toOptions();
    }

    @Test
    void theDefaultsAreTodaysAdamPerBatchWithoutClipping() {
        for (Method m : Methods.all()) {
            TrainingOptions o = options(m.name(), "");
            boolean amsgrad = m.defaults().path("training").path("amsgrad").asBoolean();
            assertEquals(OptimizerSettings.adam(amsgrad), o.optimizer(), m.name());
            assertEquals(UpdateSchedule.PER_BATCH, o.update(), m.name());
            assertFalse(o.clipsGradients(), m.name());
        }
    }

    @Test
    void theOldAmsgradKeyStillSelectsAmsgrad() {
        assertEquals(OptimizerSettings.adam(true), options("delgrad", "amsgrad: true").optimizer());
        assertEquals(OptimizerSettings.adam(false), options("stepped", "amsgrad: false").optimizer());
        assertTrue(options("delgrad", "{amsgrad: true, optimizer: {type: adamw}}").optimizer().amsgrad());
    }

    @Test
    void everyOptimizerAndItsHyperparametersAreRead() {
        OptimizerSettings adamw = options("delgrad", "optimizer: {type: adamw, beta1: 0.0, beta2: 0.99, epsilon: 1.0e-6}")
                .optimizer();
        assertEquals(new OptimizerSettings(OptimizerSettings.Type.ADAMW, 0.0, 0.99, 1e-6, 0.01, false, 0, false), adamw,
                "AdamW's weight decay defaults to PyTorch's 0.01");
        assertEquals(0.0, options("delgrad", "optimizer: {type: adam}").optimizer().weightDecay());
        assertEquals(0.2, options("delgrad", "optimizer: {type: adamw, weight_decay: 0.2}").optimizer().weightDecay());
        OptimizerSettings sgd = options("stepped", "optimizer: {type: sgd, momentum: 0.9, nesterov: true, weight_decay: 0.001}")
                .optimizer();
        assertEquals(OptimizerSettings.Type.SGD, sgd.type());
        assertEquals(0.9, sgd.momentum());
        assertTrue(sgd.nesterov());
        assertEquals(0.001, sgd.weightDecay());
    }

    @Test
    void updateSchedulesAndClippingAreRead() {
        assertEquals(UpdateSchedule.PER_SAMPLE, options("delgrad", "update: {every: sample}").update());
        assertEquals(new UpdateSchedule.EverySteps(25), options("stepped", "update: {every: steps, steps: 25}").update());
        assertEquals(UpdateSchedule.PER_BATCH, options("delgrad", "update: {steps: 25}").update(), "steps alone changes nothing");
        TrainingOptions clipped = options("delgrad", "clip_grad_norm: 1.0");
        assertTrue(clipped.clipsGradients());
        assertEquals(1.0, clipped.clipGradNorm());
    }

    @Test
    void wrongValuesAreOneLineErrorsNamingTheKey() {
        String[][] cases = {
                {"optimizer: {type: rmsprop}", "training.optimizer.type must be adam, adamw or sgd"},
                {"optimizer: {beta1: 1.0}", "training.optimizer.beta1"},
                {"optimizer: {beta2: -0.1}", "training.optimizer.beta2"},
                {"optimizer: {epsilon: -1.0}", "training.optimizer.epsilon"},
                {"optimizer: {weight_decay: -0.5}", "training.optimizer.weight_decay"},
                {"optimizer: {type: sgd, nesterov: true}", "training.optimizer.nesterov needs a momentum > 0"},
                {"optimizer: {momentm: 0.9}", "momentm"},
                {"update: {every: epoch}", "training.update.every must be batch, sample or steps"},
                {"update: {every: steps, steps: 0}", "training.update.steps must be >= 1"},
                {"clip_grad_norm: 0.0", "training.clip_grad_norm must be a number > 0"},
        };
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> section("delgrad", c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
