package io.delaynet.hardware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.hardware.chip.ChipParameters;
import io.delaynet.run.ResolvedConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code backend.preset: authors-hw-aware} and the two hw-aware examples hold the values of the
 * DelGrad authors' hardware-aware configuration: JulianGoeltz/fastAndDeep, commit e567474,
 * experiment_configs/yin_yang_hwAware.yaml (the key names there are given in each comment).
 */
class AuthorsHardwareAwarePresetTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static ObjectNode example(String name, String... overrides) {
        return ResolvedConfig.resolve(EXAMPLES.resolve(name), List.of(overrides)).tree();
    }

    private static double at(JsonNode tree, String pointer) {
        JsonNode n = tree.at(pointer);
        assertTrue(n.isNumber(), pointer + " is a number: " + n);
        return n.asDouble();
    }

    private static ChipParameters backend(ObjectNode tree) {
        return ConfigBinder.bind(tree.get("backend"), ChipSections.Backend.class, "test").chip();
    }

    @Test
    void thePresetsNoiseModelIsTheAuthorsHardwareAwareOne() {
        for (String name : List.of("yinyang-chip-hw-aware-axonal.yaml", "yinyang-chip-hw-aware-weights-only.yaml")) {
            ObjectNode t = example(name);
            assertEquals("authors-hw-aware", t.at("/backend/preset").asString());
            ChipParameters p = backend(t);
            assertEquals(ChipParameters.authorsHardwareAware(), p, name);
            assertEquals(0.13, p.mismatch().thresholdOffset());   // threshold_noise_fp_mean
            assertEquals(0.08, p.mismatch().threshold());         // threshold_noise_fp_std
            assertEquals(0.04, p.trial().threshold());            // threshold_noise_b2b_std
            assertTrue(p.trial().thresholdPerBatch(), "b2b: one draw per batch");
            assertEquals(0.0, p.trial().spikeJitter());           // neuron_params.jitter: 0.00
            assertEquals(0.01, p.trial().delayJitter());          // DelayAxonal jitter: 0.01
            assertTrue(p.delays().perSynapse(), "the jitter is drawn per (sample, pre, post)");
            assertEquals(0.0, p.delays().mismatch());
            assertEquals(1.0 / 30, p.weights().lsb());           // rounding_precision: 0.03333333333333333
            assertEquals(2.1, p.weights().maxWeight(), 1e-12);   // clip_weights_max: 2.1
            assertEquals(0.0, p.mismatch().tauM());               // tau_mem = tau_syn for every neuron
            assertEquals(0.0, p.mismatch().tauS());
            assertEquals(0.0, p.mismatch().leak());               // leak: 0.0
            assertEquals(0.0, p.mismatch().weight());
            assertEquals(0.0, p.readout().clock(), "exact times in the simulation");
            assertEquals(Double.POSITIVE_INFINITY, p.readout().window());
        }
    }

    @Test
    void theNetworkAndTrainingAreTheAuthorsHardwareAwareConfiguration() {
        ObjectNode t = example("yinyang-chip-hw-aware-axonal.yaml");
        assertEquals(1.0, at(t, "/network/tau_ratio"));                 // tau_mem = tau_syn = 1.0
        assertEquals(2.6, at(t, "/network/threshold"));                 // threshold: 2.6 (leak 0, g_leak 1)
        assertEquals(5, at(t, "/data/replicas"));                       // Multiplex factor: 5
        assertEquals(30, at(t, "/network/layers/0/size"));              // NeuronLayer size: 30
        assertEquals(3, at(t, "/network/layers/1/size"));               // NeuronLayer size: 3
        assertEquals("axonal", t.at("/network/layers/0/delays").asString()); // DelayAxonal
        assertEquals("axonal", t.at("/network/layers/1/delays").asString());
        assertEquals(5, at(t, "/network/layers/0/delay_sharing"));      // presyn_sharing_factor: 5
        assertEquals(1.0, at(t, "/network/layers/0/weights_mean"));     // weights_mean: 1.0
        assertEquals(0.12, at(t, "/network/layers/0/weights_std"));     // weights_std: 0.12
        assertEquals(0.075, at(t, "/network/layers/1/weights_mean"));   // weights_mean: 0.075
        assertEquals(0.15, at(t, "/network/layers/1/weights_std"));     // weights_std: 0.15
        assertEquals(0.05, at(t, "/network/layers/0/max_missing_spikes")); // max_num_missing_spikes: 0.05
        assertEquals(0.05, at(t, "/network/layers/1/max_missing_spikes"));
        assertEquals("sigmoid", t.at("/network/delay/parameterisation").asString()); // positivity: sigmoid
        assertEquals(2.0, at(t, "/network/delay/shift"));               // shift: 2.0
        assertEquals(1.5, at(t, "/network/delay/scale"));               // scale: 1.5
        assertEquals(0.0, at(t, "/network/delay/init_mean"));           // delay_mean: 0.0
        assertEquals(0.5, at(t, "/network/delay/init_std"));            // delay_std: 0.5
        assertEquals("shift_invariant_mse", t.at("/loss/type").asString()); // loss type: shift_invariant_MSE
        assertEquals(0.3, at(t, "/loss/delta_t"));                      // delta_t: 0.3
        assertEquals(0.2, at(t, "/loss/max_dw_norm"));                  // max_dw_norm: 0.2
        assertEquals(0.0005, at(t, "/bumping/value"));                  // weight_bumping_value: 0.0005
        assertTrue(t.at("/bumping/exponential").asBoolean());           // weight_bumping_exp: true
        assertTrue(t.at("/bumping/targeted").asBoolean());              // weight_bumping_targeted: true
        assertEquals(300, at(t, "/training/epochs"));                   // epoch_number: 300
        assertEquals(40, at(t, "/training/batch_size"));                // batch_size: 40
        assertEquals(0.002, at(t, "/training/learning_rates/weights")); // learning_rate: 0.002
        assertEquals(0.002, at(t, "/training/learning_rates/delays"));
        assertEquals(20, at(t, "/training/schedule/step"));             // StepLR step_size: 20
        assertEquals(0.95, at(t, "/training/schedule/gamma"));          // gamma: 0.95
        assertTrue(t.at("/hardware_aware/round_weights").asBoolean(), "rounding_precision in the forward pass");
        assertTrue(t.at("/hardware_aware/clip_weights").asBoolean(), "clip_weights_max");
        assertEquals("none", example("yinyang-chip-hw-aware-weights-only.yaml").at("/network/layers/0/delays").asString());
    }

    @Test
    void keysTheUserSetsWinOverThePresetAndUnknownPresetsAreOneLineErrors() {
        ObjectNode t = example("yinyang-chip-hw-aware-axonal.yaml", "backend.trial.threshold=0.02");
        ChipParameters p = backend(t);
        assertEquals(0.02, p.trial().threshold());
        assertEquals(0.13, p.mismatch().thresholdOffset(), "the rest stays the preset's");
        assertTrue(p.delays().perSynapse());
        ChipParameters plain = backend(example("yinyang-chip-axonal.yaml"));
        ChipParameters documented = ChipParameters.brainScaleS2Like();
        assertEquals(documented.mismatch(), plain.mismatch(), "without a preset: the documented default chip");
        assertEquals(documented.trial(), plain.trial());
        assertEquals(documented.delays(), plain.delays());
        assertEquals(documented.readout(), plain.readout());
        // the defaults file writes 1/30 with 16 digits (1e-15 short of it); kept, so earlier results stay exact
        assertEquals(documented.weights().lsb(), plain.weights().lsb(), 1e-15);
        ConfigException e = assertThrows(ConfigException.class,
                () -> example("yinyang-chip-axonal.yaml", "backend.preset=brainscales3"));
        assertTrue(e.getMessage().contains("backend.preset must be one of none, authors-hw-aware"), e.getMessage());
    }
}
